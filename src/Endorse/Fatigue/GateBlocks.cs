using Endorse.Readiness;

namespace Endorse.Fatigue;

/// <summary>How the readiness gates appear among the fatigue check's block reasons.</summary>
public static class GateBlocks
{
    /// <summary>Every block reason that is a readiness gate of the account.</summary>
    public const BlockReasons All = BlockReasons.OpenEscalation | BlockReasons.LowSatisfaction | BlockReasons.RenewalSoon | BlockReasons.NoPublicity
        | BlockReasons.BigBid | BlockReasons.Reorganisation | BlockReasons.OnHold | BlockReasons.UnhappyOnboarding;

    public static BlockReasons ReasonOf(GateKind kind) => kind switch
    {
        GateKind.OpenEscalation => BlockReasons.OpenEscalation,
        GateKind.LowSatisfaction => BlockReasons.LowSatisfaction,
        GateKind.RenewalSoon => BlockReasons.RenewalSoon,
        GateKind.NoPublicity => BlockReasons.NoPublicity,
        GateKind.BigBid => BlockReasons.BigBid,
        GateKind.Reorganisation => BlockReasons.Reorganisation,
        GateKind.OnHold => BlockReasons.OnHold,
        GateKind.UnhappyOnboarding => BlockReasons.UnhappyOnboarding,
        _ => BlockReasons.None,
    };

    public static GateKind? KindOf(BlockReasons reason) => reason switch
    {
        BlockReasons.OpenEscalation => GateKind.OpenEscalation,
        BlockReasons.LowSatisfaction => GateKind.LowSatisfaction,
        BlockReasons.RenewalSoon => GateKind.RenewalSoon,
        BlockReasons.NoPublicity => GateKind.NoPublicity,
        BlockReasons.BigBid => GateKind.BigBid,
        BlockReasons.Reorganisation => GateKind.Reorganisation,
        BlockReasons.OnHold => GateKind.OnHold,
        BlockReasons.UnhappyOnboarding => GateKind.UnhappyOnboarding,
        _ => null,
    };

    /// <summary>The block of a gate on a day: the gate's own sentence, with the older fields filled for readers of them.</summary>
    public static FatigueBlock Block(Gate gate, DateOnly date, DateOnly? freeOn)
    {
        ArgumentNullException.ThrowIfNull(gate);
        return new FatigueBlock(ReasonOf(gate.Kind), date)
        {
            Gate = gate,
            Count = gate.Count,
            Score = gate.Score,
            Limit = gate.Limit,
            SatisfactionKind = gate.SatisfactionKind,
            Days = gate.Days,
            From = gate.Kind == GateKind.RenewalSoon ? gate.RenewalOn : gate.From,
            To = gate.Until,
            FreeOn = freeOn,
            Permission = gate.Kind == GateKind.NoPublicity ? Accounts.DisclosurePermission.NoPublicity : default,
        };
    }

    /// <summary>A gate from a block made without one (the fields it carries), so it reads the same.</summary>
    internal static Gate FromLegacy(FatigueBlock block) => new(KindOf(block.Reason) ?? GateKind.OnHold)
    {
        Count = block.Count,
        Score = block.Score,
        Limit = block.Limit,
        SatisfactionKind = block.SatisfactionKind,
        Days = block.Days,
        RenewalOn = block.Reason == BlockReasons.RenewalSoon ? block.From : null,
        From = block.Reason == BlockReasons.RenewalSoon ? null : block.From,
        Until = block.FreeOn?.AddDays(-1) ?? block.To,
    };
}
