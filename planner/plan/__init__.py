"""What a plan is made of, without Qt: its fields (one home each) and paths into it."""
