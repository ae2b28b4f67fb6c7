"""Files in and out: plan files (atomic), the Excel export, roster import. No Qt."""
