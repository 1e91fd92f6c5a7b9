"""The Law on Emulation and Commendation as data and pure functions (no Django, no clock, no settings).

from tdkt.law import evaluate
answer = evaluate(case_dict)          # shared/domain/case-format.md
"""

from tdkt.law.engine import evaluate, evaluate_case, evaluate_many
from tdkt.law.errors import CaseError, ParameterError

__all__ = ["CaseError", "ParameterError", "evaluate", "evaluate_case", "evaluate_many"]
