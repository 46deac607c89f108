using System.Text.Json;
using System.Text.Json.Serialization;
using Endorse.Data;
using Endorse.Fatigue;
using Endorse.Settings;
using Microsoft.EntityFrameworkCore;

namespace Endorse.Matching;

/// <summary>Reads the fatigue policy and match weights from the program settings row; the defaults when absent or unreadable.</summary>
internal static class ProgramSettingsReader
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static async Task<(FatiguePolicy Policy, MatchWeights Weights)> ReadAsync(EndorseDbContext db, CancellationToken ct = default)
    {
        var row = await db.ProgramSettings.AsNoTracking()
            .Where(s => s.Id == ProgramSettings.SingletonId)
            .Select(s => new { s.FatiguePolicy, s.MatchWeights })
            .FirstOrDefaultAsync(ct);
        return (Parse(row?.FatiguePolicy, FatiguePolicy.Default), Parse(row?.MatchWeights, MatchWeights.Default));
    }

    private static T Parse<T>(string? json, T fallback)
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
}
