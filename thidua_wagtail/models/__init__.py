from .campaigns import (
    CampaignDocument,
    CampaignIndexPage,
    CampaignPage,
    CampaignResponsibility,
    CampaignReview,
    CampaignUnit,
)
from .consultations import ConsultationComment, ConsultationIndexPage, ConsultationNominee, ConsultationPage
from .feedback import ContentFeedback
from .honours import DecisionRecipient
from .news import NewsAttachment, NewsIndexPage, NewsPage, NewsPageTag, NewsRelatedCampaign, NewsRelatedProfile
from .nominations import Nomination, NominationAttachment, NominationPage
from .profiles import ExemplaryProfilePage, ProfileCampaign, ProfileHonour, ProfileIndexPage
from .registrations import RegistrationEntry, RegistrationIndexPage, RegistrationPage
from .settings import Organisation, OrganisationSettings
from .snippets import Award, DocumentImplements, OfficialDocument, Unit
from .statistics import StatisticsPage

__all__ = [
    "Award",
    "CampaignDocument",
    "CampaignIndexPage",
    "CampaignPage",
    "CampaignResponsibility",
    "CampaignReview",
    "CampaignUnit",
    "ConsultationComment",
    "ConsultationIndexPage",
    "ConsultationNominee",
    "ConsultationPage",
    "ContentFeedback",
    "DecisionRecipient",
    "DocumentImplements",
    "ExemplaryProfilePage",
    "NewsAttachment",
    "NewsIndexPage",
    "NewsPage",
    "NewsPageTag",
    "NewsRelatedCampaign",
    "NewsRelatedProfile",
    "Nomination",
    "NominationAttachment",
    "NominationPage",
    "OfficialDocument",
    "Organisation",
    "OrganisationSettings",
    "ProfileCampaign",
    "ProfileHonour",
    "ProfileIndexPage",
    "RegistrationEntry",
    "RegistrationIndexPage",
    "RegistrationPage",
    "StatisticsPage",
    "Unit",
]
