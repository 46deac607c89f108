using Endorse.Data;
using Endorse.Fatigue;
using Endorse.Settings;
using Microsoft.EntityFrameworkCore;

namespace Endorse.Matching;

/// <summary>Reads the fatigue policy and match weights from the program settings row; the defaults when absent or unreadable.</summary>
internal static class ProgramSettingsReader
{
    public static async Task<(FatiguePolicy Policy, MatchWeights Weights)> ReadAsync(EndorseDbContext db, CancellationToken ct = default)
    {
        var row = await db.ProgramSettings.AsNoTracking()
            .Where(s => s.Id == ProgramSettings.SingletonId)
            .Select(s => new { s.FatiguePolicy, s.MatchWeights })
            .FirstOrDefaultAsync(ct);
        return (ProgramSettingsService.Read(row?.FatiguePolicy, FatiguePolicy.Default), ProgramSettingsService.Read(row?.MatchWeights, MatchWeights.Default));
    }
}
