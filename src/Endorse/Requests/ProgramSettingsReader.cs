using System.Text.Json;
using System.Text.Json.Serialization;
using Endorse.Advocates;
using Endorse.Data;
using Endorse.Fatigue;
using Microsoft.EntityFrameworkCore;

namespace Endorse.Requests;

/// <summary>Reads the program settings the request workflow needs, with the defaults when nothing is set.</summary>
internal static class ProgramSettingsReader
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static async Task<FatiguePolicy> FatiguePolicyAsync(EndorseDbContext db, CancellationToken cancellationToken)
    {
        var json = await db.ProgramSettings.AsNoTracking().Where(s => s.Id == Settings.ProgramSettings.SingletonId).Select(s => s.FatiguePolicy).FirstOrDefaultAsync(cancellationToken);
        return ParsePolicy(json);
    }

    public static async Task<FulfilmentMode> ModeAsync(EndorseDbContext db, ActivityType type, CancellationToken cancellationToken)
    {
        var json = await db.ProgramSettings.AsNoTracking().Where(s => s.Id == Settings.ProgramSettings.SingletonId).Select(s => s.FulfilmentModes).FirstOrDefaultAsync(cancellationToken);
        return ParseMode(json, type);
    }

    public static FatiguePolicy ParsePolicy(string? json) => Settings.ProgramSettingsService.Read(json, FatiguePolicy.Default);

    public static FulfilmentMode ParseMode(string? json, ActivityType type)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return FulfilmentMode.Managed;
        }

        try
        {
            var modes = JsonSerializer.Deserialize<Dictionary<string, string>>(json, Json);
            if (modes is not null)
            {
                foreach (var (key, value) in modes)
                {
                    if (string.Equals(key, type.ToString(), StringComparison.OrdinalIgnoreCase) && Enum.TryParse<FulfilmentMode>(value, ignoreCase: true, out var mode))
                    {
                        return mode;
                    }
                }
            }
        }
        catch (JsonException)
        {
            // A broken setting falls back to the default.
        }

        return FulfilmentMode.Managed;
    }
}
