"""`accord eval`: score extraction against gold annotations (see shared/eval/SCHEMA.md)."""
