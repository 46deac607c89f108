using Endorse.Requests;

namespace Endorse.Tests.Requests;

public class CalendarInviteTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 15, 0, 0, TimeSpan.FromHours(1));

    [Fact]
    public void An_invite_has_the_event_in_utc_with_its_attendees()
    {
        var invite = new CalendarInvite("participant-7@endorse", Start, TimeSpan.FromMinutes(30), "Reference call: Acme, Globex",
            "Line one\nLine two", "endorse@example.com", [("Ann Advocate", "ann@acme.example"), ("Sam Seller", "sam@vendor.example")]);

        // Read it as a calendar client does: folded lines joined again.
        var ics = invite.ToIcs(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero)).Replace("\r\n ", string.Empty, StringComparison.Ordinal);

        Assert.StartsWith("BEGIN:VCALENDAR\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("DTSTART:20261201T140000Z\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("DTEND:20261201T143000Z\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("SUMMARY:Reference call: Acme\\, Globex\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("DESCRIPTION:Line one\\nLine two\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("ATTENDEE;CN=\"Ann Advocate\";ROLE=REQ-PARTICIPANT;RSVP=TRUE:mailto:ann@acme.example\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("METHOD:REQUEST", ics, StringComparison.Ordinal);
        Assert.EndsWith("END:VCALENDAR\r\n", ics, StringComparison.Ordinal);
    }

    [Fact]
    public void Long_lines_are_folded_at_75_octets()
    {
        var invite = new CalendarInvite("u", Start, TimeSpan.FromMinutes(30), new string('x', 200), "d", "o@example.com", []);
        var ics = invite.ToIcs(Start);
        Assert.All(ics.Split("\r\n"), line => Assert.True(System.Text.Encoding.UTF8.GetByteCount(line) <= 75, line));
        Assert.Contains("SUMMARY:" + new string('x', 200), ics.Replace("\r\n ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
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
