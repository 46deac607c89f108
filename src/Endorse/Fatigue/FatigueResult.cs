namespace Endorse.Fatigue;

/// <summary>
/// The fatigue gauge: activities used of those allowed in the current window of the tightest overall limit
/// (a policy cap on every activity type, or the advocate's own per-quarter limit). <see cref="Allowed"/> is
/// null when no overall limit applies.
/// </summary>
public sealed record FatigueHeadroom(int Used, int? Allowed, int WindowDays, bool CalendarQuarter = false)
{
    public static FatigueHeadroom Unlimited { get; } = new(0, null, 0);

    public int? Remaining => Allowed is { } allowed ? Math.Max(0, allowed - Used) : null;

    /// <summary>Share of the window still free, 0..1 (1 when unlimited).</summary>
    public double Ratio => Allowed switch
    {
        null => 1,
        <= 0 => 0,
        { } allowed => Math.Clamp((allowed - Used) / (double)allowed, 0, 1),
    };
}

/// <summary>
/// The outcome of <see cref="FatigueCheck.Evaluate"/>: every rule that blocks the booking, the gauge, and the first
/// day on which every rule allows it (null while a rule without an end date blocks, such as an open escalation).
/// </summary>
public sealed record FatigueResult(DateOnly RequestedOn, IReadOnlyList<FatigueBlock> Blocks, FatigueHeadroom Headroom, DateOnly? NextFreeOn)
{
    public bool CanBook => Blocks.Count == 0;

    /// <summary>All reasons as one set.</summary>
    public BlockReasons Reasons
    {
        get
        {
            var reasons = BlockReasons.None;
            for (var i = 0; i < Blocks.Count; i++)
            {
                reasons |= Blocks[i].Reason;
            }

            return reasons;
        }
    }

    public IEnumerable<string> Messages => Blocks.Select(b => b.Message);

    /// <summary>A result with nothing blocking, for callers that computed the rules elsewhere (e.g. in a query).</summary>
    public static FatigueResult Free(DateOnly on, FatigueHeadroom headroom) => new(on, [], headroom, on);
}
