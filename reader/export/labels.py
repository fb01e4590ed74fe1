"""The words a brief is printed with, in the brief's language: headings, labels, dates and
the page counter. Every export format takes its wording from here, so a French brief says
« Sommaire » and « page 2 sur 5 » whatever the format; so do the command line and the
composer for the headings they give a brief's catch-all sections."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta

#: Languages a brief can be written in, by code, with their name in that language.
LANGUAGES: dict[str, str] = {"en": "English", "fr": "Français"}


@dataclass(frozen=True, slots=True)
class Labels:
    """The fixed wording of an exported brief in one language."""

    language: str
    press_review: str
    contents: str
    sources: str
    author: str
    period: str
    note: str
    tags: str
    summary: str
    article_changed: str
    highlights: str
    nothing: str  # an exported brief whose selection matched nothing
    page_of: str  # with {page} and {pages}
    prepared: str  # with {date}
    months: tuple[str, ...]
    from_day: str  # with {date}
    until_day: str  # with {date}
    first_day: str  # how the first day of a month is written ("1", or "1er" in French)
    colon: str  # French sets a narrow no-break space before a colon
    other_section: str  # the last section: articles matching no other section's tag
    all_section: str  # the one section of a brief not grouped

    @property
    def leftover_headings(self) -> tuple[str, str]:
        """The headings of the catch-all sections (``other`` and ``everything`` of
        :func:`reader.core.group`)."""
        return self.other_section, self.all_section

    def label(self, word: str) -> str:
        """``word`` as the start of a labelled line: ``Note:`` / ``Note :``."""
        return f"{word}{self.colon}"

    def page(self, page: int, pages: int) -> str:
        return self.page_of.format(page=page, pages=pages)

    def day(self, value: datetime) -> str:
        """The day of a date, as in a running text (``1er`` in French)."""
        return self.first_day if value.day == 1 else str(value.day)

    def date(self, value: datetime) -> str:
        """A date in words: ``28 November 2026``, ``28 novembre 2026``."""
        return f"{self.day(value)} {self.months[value.month - 1]} {value.year}"

    def period_text(self, since: datetime | None, until: datetime | None) -> str:
        """A period in words: ``28–29 November 2026``, ``30 November – 2 December 2026``,
        ``from 28 November 2026``; an empty string when there is none. ``until`` is
        excluded, so an end at midnight shows the day before."""
        last = until
        if until is not None and until.time() == time(0, 0) and (since is None or until > since):
            last = until - timedelta(days=1)
        if since is None and last is None:
            return ""
        if last is None:
            assert since is not None
            return self.from_day.format(date=self.date(since))
        if since is None:
            return self.until_day.format(date=self.date(last))
        if since.date() >= last.date():
            return self.date(since)
        if (since.year, since.month) == (last.year, last.month):
            return f"{self.day(since)}–{self.date(last)}"
        if since.year == last.year:
            return f"{self.day(since)} {self.months[since.month - 1]} – {self.date(last)}"
        return f"{self.date(since)} – {self.date(last)}"

    def default_title(self, since: datetime | None, until: datetime | None) -> str:
        """The title of a brief not given one: ``Press review – 28–29 November 2026``."""
        period = self.period_text(since, until)
        return f"{self.press_review} – {period}" if period else self.press_review


ENGLISH = Labels(
    language="en",
    press_review="Press review",
    contents="Contents",
    sources="Sources",
    author="Author",
    period="Period",
    note="Note",
    tags="Tags",
    summary="Summary",
    article_changed="(article changed)",
    highlights="highlights",
    nothing="No article matched this brief's selection.",
    page_of="page {page} of {pages}",
    prepared="Prepared on {date}",
    months=(
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
    from_day="from {date}",
    until_day="until {date}",
    first_day="1",
    colon=":",
    other_section="Other",
    all_section="Articles",
)

FRENCH = Labels(
    language="fr",
    press_review="Revue de presse",
    contents="Sommaire",
    sources="Sources",
    author="Auteur",
    period="Période",
    note="Note",
    tags="Mots-clés",
    summary="Résumé",
    article_changed="(article modifié)",
    highlights="passages",
    nothing="Aucun article ne correspond à la sélection de cette revue.",
    page_of="page {page} sur {pages}",
    prepared="Établi le {date}",
    months=(
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ),
    from_day="à partir du {date}",
    until_day="jusqu’au {date}",
    first_day="1er",
    colon="\u202f:",
    other_section="Autres sujets",
    all_section="Articles",
)

_BY_LANGUAGE = {labels.language: labels for labels in (ENGLISH, FRENCH)}


def labels_for(language: str) -> Labels:
    """The wording for a language code (``fr``, ``fr_FR``, ``en-GB``…); English when the
    language is not one we write briefs in."""
    code = language.replace("-", "_").split("_")[0].casefold()
    return _BY_LANGUAGE.get(code, ENGLISH)


def leftover_headings(language: str) -> tuple[str, str]:
    """The headings of the catch-all sections in a brief's language: the one for articles
    matching no section's tag, and the one section of an ungrouped brief."""
    return labels_for(language).leftover_headings
