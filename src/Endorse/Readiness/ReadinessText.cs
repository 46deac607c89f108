using System.Globalization;
using Endorse.Accounts;

namespace Endorse.Readiness;

/// <summary>The sentences of the gates. Matching's exclusions, discovery, the account and advocate pages all read these.</summary>
public static class ReadinessText
{
    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Money(decimal amount, string? currency) =>
        amount.ToString("N0", CultureInfo.InvariantCulture) + (string.IsNullOrWhiteSpace(currency) ? string.Empty : " " + currency);

    public static string Describe(Gate gate)
    {
        ArgumentNullException.ThrowIfNull(gate);
        var free = gate.FreeOn is { } f ? $"; next free on {Date(f)}" : string.Empty;
        return gate.Kind switch
        {
            GateKind.OpenEscalation => gate.Count == 1
                ? "The account has 1 open service escalation."
                : $"The account has {gate.Count} open service escalations.",
            GateKind.LowSatisfaction => gate.SatisfactionKind == SatisfactionKind.Csat
                ? $"Satisfaction is low: CSAT {gate.Score}% is below the threshold of {gate.Limit}%."
                : $"Satisfaction is low: NPS {gate.Score} is below the threshold of {gate.Limit}.",
            GateKind.RenewalSoon => $"The account renews on {Date(gate.RenewalOn ?? gate.Until!.Value)}, within {gate.Days} days{free}.",
            GateKind.NoPublicity => "The account has a no-publicity policy.",
            GateKind.BigBid => BigBid(gate, free),
            GateKind.Reorganisation => $"The account is reorganising ({Reason(gate)}) from {Date(gate.From!.Value)} to {Date(gate.Until!.Value)}{free}.",
            GateKind.OnHold => $"On hold ({Reason(gate)}) from {Date(gate.From!.Value)} to {Date(gate.Until!.Value)}{free}.",
            GateKind.UnhappyOnboarding => $"Unhappy at the go-live check-in ({Reason(gate)}): not asked from {Date(gate.From!.Value)} to {Date(gate.Until!.Value)}{free}.",
            _ => gate.Kind.ToString(),
        };
    }

    private static string BigBid(Gate gate, string free)
    {
        var what = $"A big bid is in progress: “{gate.OpportunityName}”, {Money(gate.Amount ?? 0, gate.Currency)}, at or above the program's {Money(gate.Threshold ?? 0, null)}";
        return gate.Until is { } until
            ? $"{what}, expected to close on {Date(until)}{free}."
            : gate.CloseOn is { } close
                ? $"{what}, still open after its expected close on {Date(close)}."
                : $"{what}, with no close date.";
    }

    private static string Reason(Gate gate) => string.IsNullOrWhiteSpace(gate.Reason) ? "no reason given" : gate.Reason.Trim().TrimEnd('.');
}
