using Endorse.Data;
using Endorse.Formatting;
using Endorse.Listing;
using Microsoft.EntityFrameworkCore;

namespace Endorse.Users;

/// <summary>A person's own choices: how they read dates and times, and how they hear of what concerns them.</summary>
public sealed record UserPreferences(string TimeZone, bool TimeZoneChosen, DateStyle DateStyle, bool Hour12, bool MailNewRequests, bool DailyDigest)
{
    public PersonalFormat Format => PersonalFormat.Of(TimeZone, DateStyle, Hour12);
}

/// <summary>What a person changes in their preferences; a field left out keeps its value.</summary>
public sealed class PreferencesInput
{
    /// <summary>An IANA time zone ("Europe/Berlin", "America/Los_Angeles", "UTC").</summary>
    public string? TimeZone { get; set; }

    public DateStyle? DateStyle { get; set; }
    public bool? Hour12 { get; set; }
    public bool? MailNewRequests { get; set; }
    public bool? DailyDigest { get; set; }
}

/// <summary>Reads and changes a person's preferences; every formatter of a person's dates and times starts here.</summary>
public sealed class PreferencesService(EndorseDbContext db)
{
    public async Task<UserPreferences?> GetAsync(string userId, CancellationToken cancellationToken = default)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.TimeZone, u.DateStyle, u.Hour12, u.MailNewRequests, u.DailyDigest })
            .FirstOrDefaultAsync(cancellationToken);
        return user is null ? null : new UserPreferences(TimeZones.Normalize(user.TimeZone) ?? TimeZones.Utc, user.TimeZone is not null, user.DateStyle, user.Hour12, user.MailNewRequests, user.DailyDigest);
    }

    /// <summary>The person's format; the default (UTC) for an unknown user.</summary>
    public async Task<PersonalFormat> FormatAsync(string? userId, CancellationToken cancellationToken = default) =>
        userId is null ? PersonalFormat.Default : (await GetAsync(userId, cancellationToken))?.Format ?? PersonalFormat.Default;

    public static ValidationErrors Validate(PreferencesInput? input)
    {
        var errors = new ValidationErrors();
        if (input is null)
        {
            return errors.Add("body", "Send the preferences to change.");
        }

        if (input.TimeZone is not null && TimeZones.Normalize(input.TimeZone) is null)
        {
            errors.Add(nameof(PreferencesInput.TimeZone), $"“{input.TimeZone}” is not a time zone Endorse knows; use an IANA name such as Europe/Berlin or America/New_York.");
        }

        if (input.DateStyle is { } style && !Enum.IsDefined(style))
        {
            errors.Add(nameof(PreferencesInput.DateStyle), "Pick one of the date formats offered.");
        }

        return errors;
    }

    public async Task<CommandResult<UserPreferences>> UpdateAsync(string userId, PreferencesInput input, CancellationToken cancellationToken = default)
    {
        var errors = Validate(input);
        if (!errors.IsValid)
        {
            return CommandResult.Invalid<UserPreferences>(errors);
        }

        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null)
        {
            return CommandResult.Missing<UserPreferences>();
        }

        if (input.TimeZone is not null)
        {
            user.TimeZone = TimeZones.Normalize(input.TimeZone);
        }

        user.DateStyle = input.DateStyle ?? user.DateStyle;
        user.Hour12 = input.Hour12 ?? user.Hour12;
        user.MailNewRequests = input.MailNewRequests ?? user.MailNewRequests;
        user.DailyDigest = input.DailyDigest ?? user.DailyDigest;
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Ok((await GetAsync(userId, cancellationToken))!);
    }

    /// <summary>
    /// On a person's first visit, the zone their browser reports becomes theirs, unless they chose one already.
    /// Returns whether it was taken.
    /// </summary>
    public async Task<bool> AdoptBrowserZoneAsync(string userId, string? browserZone, CancellationToken cancellationToken = default)
    {
        if (TimeZones.Normalize(browserZone) is not { } zone)
        {
            return false;
        }

        return await db.Users.Where(u => u.Id == userId && u.TimeZone == null)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.TimeZone, zone), cancellationToken) == 1;
    }
}
