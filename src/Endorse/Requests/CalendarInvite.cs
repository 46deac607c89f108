using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace Endorse.Requests;

/// <summary>
/// A meeting invitation as an iCalendar (RFC 5545) file, attached to the mails of a scheduled activity. Written by
/// Ical.Net: the start and end in the event's own time zone (<see cref="TimeZone"/>, the zone the advocate offered the
/// time in) with its VTIMEZONE, and the text escaped and folded as the standard wants.
/// </summary>
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

    /// <summary>The event's IANA time zone; UTC when not known.</summary>
    public string TimeZone { get; init; } = Formatting.TimeZones.Utc;

    /// <summary>Where or how to join: a video link, a phone number or an address.</summary>
    public string? Location { get; init; }

    public string? OrganizerName { get; init; }

    public string ToIcs(DateTimeOffset stamp)
    {
        var zone = Formatting.TimeZones.IsKnown(TimeZone) ? TimeZone : Formatting.TimeZones.Utc;
        var calendar = new Calendar { ProductId = "-//Endorse//Reference program//EN", Method = Cancelled ? "CANCEL" : "REQUEST" };
        calendar.Scale = "GREGORIAN";
        if (zone != Formatting.TimeZones.Utc)
        {
            calendar.AddTimeZone(new VTimeZone(zone));
        }

        var calendarEvent = new CalendarEvent
        {
            Uid = Uid,
            Sequence = Sequence,
            DtStamp = new CalDateTime(stamp.UtcDateTime, "UTC"),
            DtStart = At(Start, zone),
            DtEnd = At(Start + Duration, zone),
            Summary = Summary,
            Description = Description,
            Location = Location,
            Status = Cancelled ? "CANCELLED" : "CONFIRMED",
            Organizer = new Organizer("mailto:" + OrganizerEmail) { CommonName = OrganizerName },
        };
        foreach (var (name, email) in Attendees)
        {
            calendarEvent.Attendees.Add(new Attendee("mailto:" + email) { CommonName = name, Role = "REQ-PARTICIPANT", Rsvp = true, ParticipationStatus = "NEEDS-ACTION" });
        }

        calendar.Events.Add(calendarEvent);
        return new CalendarSerializer().SerializeToString(calendar) ?? string.Empty;
    }

    private static CalDateTime At(DateTimeOffset instant, string zone) =>
        zone == Formatting.TimeZones.Utc
            ? new CalDateTime(instant.UtcDateTime, "UTC")
            : new CalDateTime(Formatting.TimeZones.ToLocal(instant, zone), zone);
}
