using Endorse.Requests;
using Ical.Net;

namespace Endorse.Tests.Requests;

public class CalendarInviteTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 15, 0, 0, TimeSpan.FromHours(1));
    private static readonly DateTimeOffset Stamp = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void An_invite_is_in_the_events_time_zone_with_its_vtimezone_and_attendees()
    {
        var invite = new CalendarInvite("participant-7@endorse", Start, TimeSpan.FromMinutes(30), "Reference call: Acme, Globex; \"quoted\"",
            "Line one\nLine two, with a comma; and a semicolon \\ backslash", "sam@vendor.example", [("Ann Advocate", "ann@acme.example"), ("Sam Seller", "sam@vendor.example")])
        {
            TimeZone = "Europe/Berlin",
            Location = "https://meet.example/abc",
        };

        var ics = invite.ToIcs(Stamp);
        var unfolded = ics.Replace("\r\n ", string.Empty, StringComparison.Ordinal);
        Assert.Contains("DTSTART;TZID=Europe/Berlin:20261201T150000", unfolded, StringComparison.Ordinal);
        Assert.Contains("BEGIN:VTIMEZONE", unfolded, StringComparison.Ordinal);
        Assert.Contains("TZID:Europe/Berlin", unfolded, StringComparison.Ordinal);
        Assert.Contains("METHOD:REQUEST", unfolded, StringComparison.Ordinal);
        Assert.Contains("SUMMARY:Reference call: Acme\\, Globex\\; \"quoted\"", unfolded, StringComparison.Ordinal);

        // Read back as a calendar client does: the same instant, the same text.
        var calendar = Calendar.Load(ics)!;
        var calendarEvent = Assert.Single(calendar.Events);
        Assert.Equal(Start.UtcDateTime, calendarEvent.DtStart!.AsUtc);
        Assert.Equal(Start.AddMinutes(30).UtcDateTime, calendarEvent.DtEnd!.AsUtc);
        Assert.Equal("Europe/Berlin", calendarEvent.DtStart.TzId);
        Assert.Equal("Reference call: Acme, Globex; \"quoted\"", calendarEvent.Summary);
        Assert.Equal("Line one\nLine two, with a comma; and a semicolon \\ backslash", calendarEvent.Description);
        Assert.Equal("https://meet.example/abc", calendarEvent.Location);
        Assert.Equal(["mailto:ann@acme.example", "mailto:sam@vendor.example"], calendarEvent.Attendees.Select(a => a.Value!.ToString()));
        Assert.Equal("Ann Advocate", calendarEvent.Attendees[0].CommonName);
        Assert.Equal("participant-7@endorse", calendarEvent.Uid);
    }

    [Fact]
    public void An_invite_without_a_known_zone_is_in_utc()
    {
        var ics = new CalendarInvite("u", Start, TimeSpan.FromMinutes(30), "s", "d", "o@example.com", []) { TimeZone = "Mars/Olympus" }.ToIcs(Stamp);
        Assert.Contains("DTSTART:20261201T140000Z", ics, StringComparison.Ordinal);
        Assert.DoesNotContain("VTIMEZONE", ics, StringComparison.Ordinal);
    }

    [Fact]
    public void Long_lines_are_folded_at_75_octets()
    {
        var invite = new CalendarInvite("u", Start, TimeSpan.FromMinutes(30), new string('x', 200), "d", "o@example.com", []);
        var ics = invite.ToIcs(Start);
        Assert.All(ics.Split("\r\n"), line => Assert.True(System.Text.Encoding.UTF8.GetByteCount(line) <= 75, line));
        Assert.Equal(new string('x', 200), Assert.Single(Calendar.Load(ics)!.Events).Summary);
    }

    [Fact]
    public void A_cancellation_says_so()
    {
        var ics = new CalendarInvite("u", Start, TimeSpan.FromMinutes(30), "s", "d", "o@example.com", [], Sequence: 1, Cancelled: true).ToIcs(Start);
        Assert.Contains("METHOD:CANCEL", ics, StringComparison.Ordinal);
        Assert.Contains("STATUS:CANCELLED", ics, StringComparison.Ordinal);
        Assert.Contains("SEQUENCE:1", ics, StringComparison.Ordinal);
    }
}
