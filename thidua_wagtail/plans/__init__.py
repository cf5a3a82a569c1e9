"""Plan import: read a plan (.docx or plain text), recognise its parts, make a draft campaign.

- ``reader``: a file to lines of text (Word paragraphs and table cells in document order, *italic* and
  **bold** kept as markers),
- ``parser``: lines to a ``ParsedPlan`` (number, type, place and date, title, implemented documents,
  purposes, requirements, content, responsibilities, recipients, signer, movements, what it could not place),
- ``drafts``: a ``ParsedPlan`` to an OfficialDocument and a draft CampaignPage, all or nothing;
  ``import_plan_file`` is the one entry point (file to drafts) of the admin form and the command,
- ``views`` / ``forms``: the admin upload form.
"""

from .drafts import ImportResult, import_plan, import_plan_file  # noqa: F401
from .parser import ParsedPlan, parse_plan  # noqa: F401
from .reader import PlanReadError, read_plan_file  # noqa: F401
