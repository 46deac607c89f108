using System.Text.Json;
using System.Text.Json.Serialization;
using Endorse.Advocates;
using Endorse.Data;
using Endorse.Fatigue;
using Endorse.Listing;
using Endorse.Matching;
using Endorse.Requests;
using Microsoft.EntityFrameworkCore;

namespace Endorse.Settings;

/// <summary>The program's settings as a reference manager reads them; defaults fill what was never saved.</summary>
public sealed record ProgramSettingsView(FatiguePolicy FatiguePolicy, MatchWeights MatchWeights, IReadOnlyDictionary<ActivityType, FulfilmentMode> FulfilmentModes, DateTimeOffset? UpdatedAt);

/// <summary>Reads and changes the fatigue policy, the match weights and the fulfilment modes (the single settings row).</summary>
public sealed class ProgramSettingsService(EndorseDbContext db, TimeProvider clock)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static IReadOnlyDictionary<ActivityType, FulfilmentMode> DefaultModes { get; } =
        ActivityTypes.All.ToDictionary(t => t, _ => FulfilmentMode.Managed);

    public async Task<ProgramSettingsView> GetAsync(CancellationToken cancellationToken = default)
    {
        var row = await db.ProgramSettings.AsNoTracking().FirstOrDefaultAsync(s => s.Id == ProgramSettings.SingletonId, cancellationToken);
        return new ProgramSettingsView(
            Read(row?.FatiguePolicy, FatiguePolicy.Default),
            Read(row?.MatchWeights, MatchWeights.Default),
            Modes(row?.FulfilmentModes),
            row?.UpdatedAt);
    }

    public async Task<FatiguePolicy> FatiguePolicyAsync(CancellationToken cancellationToken = default) =>
        Read(await db.ProgramSettings.AsNoTracking().Where(s => s.Id == ProgramSettings.SingletonId).Select(s => s.FatiguePolicy).FirstOrDefaultAsync(cancellationToken), FatiguePolicy.Default);

    public static ValidationErrors ValidatePolicy(FatiguePolicy? policy)
    {
        if (policy is null)
        {
            return new ValidationErrors().Add("body", "A fatigue policy is required.");
        }

        var errors = new ValidationErrors();
        if (policy.AdvocateCaps is null)
        {
            errors.Add(nameof(FatiguePolicy.AdvocateCaps), "Send a list of caps (it may be empty).");
        }

        if (policy.AccountCaps is null)
        {
            errors.Add(nameof(FatiguePolicy.AccountCaps), "Send a list of caps (it may be empty).");
        }

        if (!errors.IsValid)
        {
            return errors;
        }

        if (policy.AdvocateCaps!.Concat(policy.AccountCaps!).Any(c => c is null))
        {
            return errors.Add("caps", "A cap cannot be empty.");
        }

        return policy.Validate();
    }

    public async Task<CommandResult<ProgramSettingsView>> UpdateFatiguePolicyAsync(FatiguePolicy policy, CancellationToken cancellationToken = default)
    {
        var errors = ValidatePolicy(policy);
        if (!errors.IsValid)
        {
            return CommandResult.Invalid<ProgramSettingsView>(errors);
        }

        var json = JsonSerializer.Serialize(policy, Json);
        return await SaveAsync(row => row.FatiguePolicy = json, "FatiguePolicyChanged", json, cancellationToken);
    }

    public async Task<CommandResult<ProgramSettingsView>> UpdateMatchWeightsAsync(MatchWeights weights, CancellationToken cancellationToken = default)
    {
        if (weights is null)
        {
            return CommandResult.Invalid<ProgramSettingsView>(new ValidationErrors().Add("body", "Match weights are required."));
        }

        var errors = weights.Validate();
        if (!errors.IsValid)
        {
            return CommandResult.Invalid<ProgramSettingsView>(errors);
        }

        var json = JsonSerializer.Serialize(weights, Json);
        return await SaveAsync(row => row.MatchWeights = json, "MatchWeightsChanged", json, cancellationToken);
    }

    public async Task<CommandResult<ProgramSettingsView>> UpdateFulfilmentModesAsync(IReadOnlyDictionary<ActivityType, FulfilmentMode> modes, CancellationToken cancellationToken = default)
    {
        var errors = new ValidationErrors();
        if (modes is null)
        {
            return CommandResult.Invalid<ProgramSettingsView>(errors.Add("body", "Fulfilment modes are required."));
        }

        foreach (var (type, mode) in modes)
        {
            errors.Defined(type.ToString(), type, "Activity type");
            errors.Defined(type.ToString(), mode, "Fulfilment mode");
        }

        if (!errors.IsValid)
        {
            return CommandResult.Invalid<ProgramSettingsView>(errors);
        }

        var merged = DefaultModes.ToDictionary(m => m.Key, m => modes.TryGetValue(m.Key, out var chosen) ? chosen : m.Value);
        var json = JsonSerializer.Serialize(merged, Json);
        return await SaveAsync(row => row.FulfilmentModes = json, "FulfilmentModesChanged", json, cancellationToken);
    }

    /// <summary>
    /// Saves one setting (each lives in its own column, so changes of different settings at the same moment both keep). The
    /// first save creates the row; when two first saves race, the loser finds the row and saves into it.
    /// </summary>
    private async Task<CommandResult<ProgramSettingsView>> SaveAsync(Action<ProgramSettings> apply, string action, string json, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var row = await db.ProgramSettings.FirstOrDefaultAsync(s => s.Id == ProgramSettings.SingletonId, cancellationToken);
            if (row is null)
            {
                row = new ProgramSettings { Id = ProgramSettings.SingletonId };
                db.ProgramSettings.Add(row);
            }

            apply(row);
            row.UpdatedAt = clock.GetUtcNow();
            db.Audit("ProgramSettings", ProgramSettings.SingletonId.ToString(System.Globalization.CultureInfo.InvariantCulture), action, json);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return CommandResult.Ok(await GetAsync(cancellationToken));
            }
            catch (DbUpdateException e) when (attempt < 3 && DatabaseErrors.Classify(e) is DatabaseErrorKind.Duplicate or DatabaseErrorKind.ChangedMeanwhile or DatabaseErrorKind.Contention)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>Reads one setting's JSON; the fallback when it is absent or unreadable. Every reader of the settings row uses this.</summary>
    public static T Read<T>(string? json, T fallback)
        where T : class
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return fallback;
        }

        try
        {
            return JsonSerializer.Deserialize<T>(json, Json) ?? fallback;
        }
        catch (JsonException)
        {
            return fallback;
        }
    }

    private static Dictionary<ActivityType, FulfilmentMode> Modes(string? json)
    {
        var saved = Read<Dictionary<ActivityType, FulfilmentMode>>(json, []);
        return DefaultModes.ToDictionary(m => m.Key, m => saved.TryGetValue(m.Key, out var mode) ? mode : m.Value);
    }
}
