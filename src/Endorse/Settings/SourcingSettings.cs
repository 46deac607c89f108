using System.Text.Json;
using Endorse.Data;
using Endorse.Listing;
using Microsoft.EntityFrameworkCore;

namespace Endorse.Settings;

/// <summary>
/// The program's settings for onboarding check-ins and executive-program commitments (the readiness thresholds are in
/// the <see cref="Fatigue.FatiguePolicy"/>). Stored as JSON in the settings row; defaults fill what was never saved.
/// </summary>
public sealed record SourcingSettings
{
    /// <summary>The introduction is due this many days after the kick-off (the customer-since date).</summary>
    public int IntroductionDays { get; init; } = 14;

    /// <summary>The mid-implementation check is due this many days after the kick-off.</summary>
    public int MidImplementationDays { get; init; } = 60;

    /// <summary>The go-live satisfaction check is due this many days after the kick-off.</summary>
    public int GoLiveDays { get; init; } = 120;

    /// <summary>An account that became a customer at most this many days ago gets a check-in plan.</summary>
    public int NewCustomerDays { get; init; } = 30;

    /// <summary>An unhappy go-live gates the account for this many days (then a follow-up check-in is due).</summary>
    public int UnhappyGateDays { get; init; } = 180;

    /// <summary>A check-in is announced as due this many days before its due date.</summary>
    public int CheckInNoticeDays { get; init; } = 3;

    /// <summary>A commitment's company executive is reminded this many days before it is due.</summary>
    public int CommitmentReminderDays { get; init; } = 7;

    public static SourcingSettings Default { get; } = new();

    public ValidationErrors Validate()
    {
        var errors = new ValidationErrors();
        errors.Range(nameof(IntroductionDays), IntroductionDays, 0, 730, "Introduction days");
        errors.Range(nameof(MidImplementationDays), MidImplementationDays, 0, 730, "Mid-implementation days");
        errors.Range(nameof(GoLiveDays), GoLiveDays, 0, 1095, "Go-live days");
        errors.Range(nameof(NewCustomerDays), NewCustomerDays, 0, 365, "New-customer days");
        errors.Range(nameof(UnhappyGateDays), UnhappyGateDays, 1, 1095, "Unhappy go-live gate days");
        errors.Range(nameof(CheckInNoticeDays), CheckInNoticeDays, 0, 60, "Check-in notice days");
        errors.Range(nameof(CommitmentReminderDays), CommitmentReminderDays, 0, 90, "Commitment reminder days");
        if (errors.IsValid && !(IntroductionDays <= MidImplementationDays && MidImplementationDays <= GoLiveDays))
        {
            errors.Add(nameof(GoLiveDays), "The check-ins must come in order: introduction, then mid-implementation, then go-live.");
        }

        return errors;
    }

    public static async Task<SourcingSettings> ReadAsync(EndorseDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var json = await db.ProgramSettings.AsNoTracking().Where(s => s.Id == ProgramSettings.SingletonId).Select(s => s.Sourcing).FirstOrDefaultAsync(cancellationToken);
        return ProgramSettingsService.Read(json, Default);
    }

    /// <summary>Saves the settings (audited); invalid ones change nothing.</summary>
    public static async Task<CommandResult<SourcingSettings>> SaveAsync(EndorseDbContext db, SourcingSettings? settings, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(clock);
        if (settings is null)
        {
            return CommandResult.Invalid<SourcingSettings>(new ValidationErrors().Add("body", "Settings are required."));
        }

        var errors = settings.Validate();
        if (!errors.IsValid)
        {
            return CommandResult.Invalid<SourcingSettings>(errors);
        }

        var row = await db.ProgramSettings.FirstOrDefaultAsync(s => s.Id == ProgramSettings.SingletonId, cancellationToken);
        if (row is null)
        {
            row = new ProgramSettings { Id = ProgramSettings.SingletonId };
            db.ProgramSettings.Add(row);
        }

        var json = JsonSerializer.Serialize(settings, ProgramSettingsService.Json);
        row.Sourcing = json;
        row.UpdatedAt = clock.GetUtcNow();
        db.Audit("ProgramSettings", ProgramSettings.SingletonId.ToString(System.Globalization.CultureInfo.InvariantCulture), "SourcingSettingsChanged", json);
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Ok(settings);
    }
}
