"""Errors a user can act on.

Every failure that bad input can cause is a LetterError with a stable code (for
the CLI and the API), a plain Dutch message (for the person with the letter) and
an exit code. Nothing else should reach a user as a traceback.
"""

from __future__ import annotations


class LetterError(Exception):
    """Base error: `code` is stable, `message` is plain Dutch for the user."""

    code = "error"
    exit_code = 1
    message = "Er ging iets mis. Probeer het opnieuw."
    http_status = 400

    def __init__(self, message: str | None = None, *, detail: str | None = None):
        self.message = message or self.message
        # `detail` is for developers (never letter text): e.g. the parser's error class.
        self.detail = detail
        super().__init__(self.message)

    def to_dict(self) -> dict:
        return {"error": self.code, "message": self.message}


class UnsupportedFileType(LetterError):
    code = "unsupported_file_type"
    exit_code = 3
    message = (
        "Dit soort bestand kunnen we niet lezen. "
        "Stuur een PDF, een foto of een tekstbestand van de brief."
    )
    http_status = 415


class EmptyFile(LetterError):
    code = "empty_file"
    exit_code = 4
    message = "Het bestand is leeg. Kies het bestand van de brief opnieuw."


class CorruptFile(LetterError):
    code = "corrupt_file"
    exit_code = 5
    message = (
        "Het bestand is kapot of niet helemaal verstuurd. "
        "Maak het bestand opnieuw en probeer het nog een keer."
    )


class EncryptedPdf(LetterError):
    code = "encrypted_pdf"
    exit_code = 6
    message = (
        "De PDF is beveiligd met een wachtwoord. "
        "Open de PDF, bewaar hem zonder wachtwoord en probeer het opnieuw. "
        "Of stuur een foto van de brief."
    )


class NoText(LetterError):
    code = "no_text"
    exit_code = 7
    message = (
        "We vinden geen tekst in dit bestand. "
        "Controleer of je het goede bestand hebt gekozen. Of stuur een foto van de brief."
    )
    http_status = 422


class NotALetter(LetterError):
    code = "not_a_letter"
    exit_code = 8
    message = (
        "Dit lijkt geen brief van een instantie. "
        "Controleer of je het goede bestand hebt gekozen."
    )
    http_status = 422


class NotDutch(LetterError):
    code = "not_dutch"
    exit_code = 9
    message = (
        "Deze brief is niet in het Nederlands. "
        "We kunnen alleen Nederlandse brieven uitleggen."
    )
    http_status = 422


class TooLarge(LetterError):
    code = "file_too_large"
    exit_code = 10
    message = "Het bestand is te groot. Stuur een kleiner bestand of minder pagina's."
    http_status = 413


class TooManyPages(LetterError):
    code = "too_many_pages"
    exit_code = 11
    message = "De brief heeft te veel pagina's. Stuur alleen de pagina's van de brief zelf."
    http_status = 413


# Photos and scans (OCR). Each message says what to do for a better photo.
class UnreadablePhoto(LetterError):
    code = "unreadable_photo"
    exit_code = 30
    message = (
        "We kunnen de brief op de foto niet lezen. "
        "Maak de foto opnieuw, recht boven de brief, met meer licht."
    )
    http_status = 422


class PhotoTooDark(UnreadablePhoto):
    code = "photo_too_dark"
    exit_code = 31
    message = (
        "De foto is te donker. Maak de foto opnieuw, recht boven de brief, met meer licht. "
        "Ga bij een raam staan of doe een lamp aan."
    )


class PhotoBlurred(UnreadablePhoto):
    code = "photo_blurred"
    exit_code = 32
    message = (
        "De foto is niet scherp. Houd je telefoon stil, recht boven de brief. "
        "Tik op je scherm op de brief, dan wordt hij scherp. Maak dan de foto opnieuw."
    )


class PhotoTooSmall(UnreadablePhoto):
    code = "photo_too_small"
    exit_code = 33
    message = (
        "De foto is te klein om te lezen. "
        "Maak een nieuwe foto van de hele brief en stuur de foto in het echte formaat."
    )


class NoLetterInPhoto(UnreadablePhoto):
    code = "no_letter_in_photo"
    exit_code = 34
    message = (
        "We zien geen brief op de foto. Leg de brief plat neer. "
        "Maak de foto recht boven de brief, met de hele brief erop en met genoeg licht."
    )


class ImageTooLarge(LetterError):
    code = "image_too_large"
    exit_code = 35
    message = (
        "De foto heeft te veel pixels. Stuur een kleinere foto. "
        "Op je telefoon kies je bij het delen vaak een kleiner formaat."
    )
    http_status = 413


class OcrUnavailable(LetterError):
    code = "ocr_unavailable"
    exit_code = 36
    message = (
        "Foto's en scans lezen lukt nu niet. "
        "Probeer het later opnieuw, of stuur de brief als PDF of tekstbestand."
    )
    http_status = 503


class OcrTimeout(LetterError):
    code = "ocr_timeout"
    exit_code = 37
    message = (
        "Het lezen van de foto duurde te lang. "
        "Probeer het opnieuw met een foto van alleen de brief, of met minder pagina's."
    )
    http_status = 503


class JobTimeout(LetterError):
    code = "job_timeout"
    exit_code = 12
    http_status = 503
    message = ("Het lezen van je brief duurde te lang. Probeer het opnieuw met minder "
               "pagina's of een scherpere foto.")


class LetterTooLong(LetterError):
    """A letter with more text or pages than any letter has (ingest/bounds.py)."""

    code = "letter_too_long"
    exit_code = 10
    http_status = 413
    message = "Dit bestand heeft veel meer tekst dan een brief. Stuur één brief tegelijk."


class TextTooLong(LetterError):
    """A pasted draft for the readability check that is longer than one letter."""

    code = "text_too_long"
    exit_code = 10
    http_status = 413
    message = "De tekst is te lang. Controleer één brief tegelijk."


# -- errors of the tools around the letter (not shown to young people) ----------------


class GlossaryError(Exception):
    """A request the glossary store refuses; `message` is plain Dutch for the maintainer,
    `problems` the lint's findings (glossary.lint.Problem)."""

    def __init__(self, message: str, problems: list | None = None):
        super().__init__(message)
        self.message = message
        self.problems = problems or []


class GlossaryFileError(ValueError):
    """A term file that cannot be read."""


class UnsupportedSchema(ValueError):
    """A glossary schema with keywords this program does not check."""


class ParserUnavailable(RuntimeError):
    """Frog is not installed, did not start, crashed or timed out."""
