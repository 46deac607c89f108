using Endorse.Formatting;

namespace Endorse.Tests.Formatting;

public class PersonalFormatTests
{
    private static readonly DateTimeOffset Winter = new(2026, 12, 3, 13, 30, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Summer = new(2026, 7, 3, 12, 30, 0, TimeSpan.Zero);

    [Fact]
    public void An_instant_reads_in_the_persons_zone_with_the_zone_named()
    {
        var berlin = PersonalFormat.Of("Europe/Berlin", DateStyle.DayMonthName);
        Assert.Equal("3 Dec 2026, 14:30 CET", berlin.Instant(Winter));
        Assert.Equal("3 Jul 2026, 14:30 CEST", berlin.Instant(Summer));

        var losAngeles = PersonalFormat.Of("America/Los_Angeles", DateStyle.MonthDayYear, hour12: true);
        Assert.Equal("12/03/2026, 5:30 AM PST", losAngeles.Instant(Winter));
        Assert.Equal("Thu 12/03/2026, 5:30 AM PST", losAngeles.Slot(Winter));
    }

    [Fact]
    public void The_day_of_an_instant_is_the_day_in_the_persons_zone()
    {
        var lateEvening = new DateTimeOffset(2026, 12, 3, 23, 30, 0, TimeSpan.Zero);
        Assert.Equal("2026-12-04", PersonalFormat.Of("Asia/Tokyo", DateStyle.Iso).Date(lateEvening));
        Assert.Equal("03.12.2026", PersonalFormat.Of("Europe/London", DateStyle.DayMonthYearDots).Date(lateEvening));
    }

    [Theory]
    [InlineData(DateStyle.DayMonthName, "3 Dec 2026")]
    [InlineData(DateStyle.Iso, "2026-12-03")]
    [InlineData(DateStyle.DayMonthYear, "03/12/2026")]
    [InlineData(DateStyle.MonthDayYear, "12/03/2026")]
    [InlineData(DateStyle.DayMonthYearDots, "03.12.2026")]
    [InlineData(DateStyle.MonthNameDay, "Dec 3, 2026")]
    public void Each_date_style_writes_its_example(DateStyle style, string expected) =>
        Assert.Equal(expected, PersonalFormat.Of("UTC", style).Date(new DateOnly(2026, 12, 3)));

    [Fact]
    public void Exports_use_iso_8601_with_the_persons_offset()
    {
        Assert.Equal("2026-12-03T14:30:00+01:00", PersonalFormat.Of("Europe/Berlin", DateStyle.DayMonthName).Iso(Winter));
        Assert.Equal("2026-12-03T13:30:00+00:00", PersonalFormat.Default.Iso(Winter));
    }

    [Fact]
    public void A_wall_clock_time_means_the_instant_of_its_zone()
    {
        var berlin = PersonalFormat.Of("Europe/Berlin", DateStyle.Iso);
        Assert.Equal(Winter, berlin.FromLocal(new DateTime(2026, 12, 3, 14, 30, 0)));

        // 02:30 on the night the clocks go forward does not exist in Berlin: it moves forward by the gap.
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 30, 0, TimeSpan.Zero), berlin.FromLocal(new DateTime(2026, 3, 29, 2, 30, 0)));
    }

    [Fact]
    public void Unknown_zones_fall_back_to_utc_and_old_names_to_their_zone()
    {
        Assert.Equal("UTC", PersonalFormat.Of("Mars/Olympus").TimeZone);
        Assert.Equal("Asia/Kolkata", TimeZones.Normalize("Asia/Calcutta"));
        Assert.Equal("Europe/Berlin", TimeZones.Normalize("europe/berlin"));
        Assert.Null(TimeZones.Normalize("Nowhere/Land"));
        Assert.Contains("America/Los_Angeles", TimeZones.All);
        Assert.Equal("UTC+03:00", TimeZones.Abbreviation(Winter, "Europe/Istanbul"));
    }
}
