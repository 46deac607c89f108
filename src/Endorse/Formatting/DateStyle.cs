namespace Endorse.Formatting;

/// <summary>How a person likes dates written. Each is shown on the profile page with today's date as the example.</summary>
public enum DateStyle
{
    /// <summary>3 Dec 2026.</summary>
    DayMonthName = 0,

    /// <summary>2026-12-03.</summary>
    Iso = 1,

    /// <summary>03/12/2026.</summary>
    DayMonthYear = 2,

    /// <summary>12/03/2026.</summary>
    MonthDayYear = 3,

    /// <summary>03.12.2026.</summary>
    DayMonthYearDots = 4,

    /// <summary>Dec 3, 2026.</summary>
    MonthNameDay = 5,
}
