"""How the read API shows what pages link to (the page types name these in their ``api_fields``): snippets, files,
and links to pages in their own language."""

from rest_framework import serializers

from .snippets import Award, OfficialDocument, Unit


class UnitSerializer(serializers.ModelSerializer):
    class Meta:
        model = Unit
        fields = ["id", "name", "short_name", "kind"]


class AwardSerializer(serializers.ModelSerializer):
    recipients = serializers.ListField(child=serializers.CharField(), read_only=True)

    class Meta:
        model = Award
        fields = ["id", "code", "name", "kind", "category", "level", "has_grades", "recipients", "legal_basis",
                  "valid_from", "valid_to"]


class FileSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    url = serializers.SerializerMethodField()

    def get_url(self, document):
        request = self.context.get("request")
        return request.build_absolute_uri(document.url) if request is not None else document.url


class OfficialDocumentSerializer(serializers.ModelSerializer):
    file = FileSerializer(read_only=True)

    class Meta:
        model = OfficialDocument
        fields = ["id", "number", "doc_type", "title", "issue_date", "place", "issuing_body", "signer_name",
                  "signer_title", "summary", "recipients", "file"]


class DecisionSerializer(serializers.ModelSerializer):
    """A decision as an honour shows it: number, date, deciding authority, signer."""

    class Meta:
        model = OfficialDocument
        fields = ["id", "number", "issue_date", "issuing_body", "signer_name"]


class PageLinkSerializer(serializers.Serializer):
    """A linked page as id, title and public URL (resolved in the linking page's language)."""

    id = serializers.IntegerField()
    title = serializers.CharField()
    html_url = serializers.SerializerMethodField()

    def get_html_url(self, page):
        return page.get_full_url(self.context.get("request"))
