using System.Globalization;
using System.Text;

namespace Endorse.Requests;

/// <summary>A meeting invitation as an iCalendar (RFC 5545) file, attached to the mails of a scheduled activity.</summary>
public sealed record CalendarInvite(
    string Uid,
    DateTimeOffset Start,
    TimeSpan Duration,
    string Summary,
    string Description,
    string OrganizerEmail,
    IReadOnlyList<(string Name, string Email)> Attendees,
    int Sequence = 0,
    bool Cancelled = false)
{
    public const string MediaType = "text/calendar; method=REQUEST; charset=utf-8";
    public const string CancelMediaType = "text/calendar; method=CANCEL; charset=utf-8";

    public string ToIcs(DateTimeOffset stamp)
    {
        var ics = new StringBuilder();
        Line(ics, "BEGIN:VCALENDAR");
        Line(ics, "VERSION:2.0");
        Line(ics, "PRODID:-//Endorse//Reference program//EN");
        Line(ics, "CALSCALE:GREGORIAN");
        Line(ics, Cancelled ? "METHOD:CANCEL" : "METHOD:REQUEST");
        Line(ics, "BEGIN:VEVENT");
        Line(ics, "UID:" + Escape(Uid));
        Line(ics, "SEQUENCE:" + Sequence.ToString(CultureInfo.InvariantCulture));
        Line(ics, "DTSTAMP:" + Utc(stamp));
        Line(ics, "DTSTART:" + Utc(Start));
        Line(ics, "DTEND:" + Utc(Start + Duration));
        Line(ics, "SUMMARY:" + Escape(Summary));
        Line(ics, "DESCRIPTION:" + Escape(Description));
        Line(ics, "ORGANIZER:mailto:" + OrganizerEmail);
        foreach (var (name, email) in Attendees)
        {
            Line(ics, $"ATTENDEE;CN=\"{name.Replace("\"", "'", StringComparison.Ordinal)}\";ROLE=REQ-PARTICIPANT;RSVP=TRUE:mailto:{email}");
        }

        Line(ics, "STATUS:" + (Cancelled ? "CANCELLED" : "CONFIRMED"));
        Line(ics, "END:VEVENT");
        Line(ics, "END:VCALENDAR");
        return ics.ToString();
    }

    private static string Utc(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    private static string Escape(string text) => text
        .Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace(";", "\\;", StringComparison.Ordinal)
        .Replace(",", "\\,", StringComparison.Ordinal)
        .Replace("\r\n", "\\n", StringComparison.Ordinal)
        .Replace("\n", "\\n", StringComparison.Ordinal);

    /// <summary>Writes one content line, folded at 75 octets as RFC 5545 requires, ending in CRLF.</summary>
    private static void Line(StringBuilder ics, string line)
    {
        var bytes = 0;
        foreach (var ch in line)
        {
            var size = Encoding.UTF8.GetByteCount([ch]);
            if (bytes + size > 75)
            {
                ics.Append("\r\n ");
                bytes = 1;
            }

            ics.Append(ch);
            bytes += size;
        }

        ics.Append("\r\n");
    }
}
