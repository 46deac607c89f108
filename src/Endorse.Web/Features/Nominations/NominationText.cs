using System.Globalization;
using Endorse.Nominations;
using MudBlazor;

namespace Endorse.Web.Features.Nominations;

/// <summary>The nomination pages' words and colours.</summary>
public static class NominationText
{
    public static string Kind(NominationKind kind) => NominationService.Kind(kind);

    public static string Status(NominationStatus status) => status switch
    {
        NominationStatus.AwaitingReview => "Waiting for review",
        NominationStatus.MoreInfoRequested => "More information asked",
        NominationStatus.AwaitingOwnerApproval => "Waiting for the account owner",
        NominationStatus.Approved => "Approved: advocate",
        NominationStatus.Declined => "Declined",
        NominationStatus.Withdrawn => "Withdrawn",
        _ => status.ToString(),
    };

    public static Color StatusColor(NominationStatus status) => status switch
    {
        NominationStatus.Approved => Color.Success,
        NominationStatus.Declined => Color.Error,
        NominationStatus.Withdrawn => Color.Default,
        NominationStatus.MoreInfoRequested or NominationStatus.AwaitingOwnerApproval => Color.Warning,
        _ => Color.Info,
    };

    /// <summary>A state name of the history ("AwaitingReview", "-") in words.</summary>
    public static string State(string state) =>
        Enum.TryParse<NominationStatus>(state, out var status) ? Status(status) : state == "-" ? "Nominated" : state;

    public static string View(NominationView view) => view switch
    {
        NominationView.Queue => "Review queue",
        NominationView.MyAccounts => "At my accounts",
        _ => "My nominations",
    };

    public static string When(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static string Date(DateOnly on) => on.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>"3 days" / "1 day" / "today": how long a nomination has waited in its state.</summary>
    public static string Waited(DateTimeOffset since, DateTimeOffset now)
    {
        var days = (int)Math.Floor((now - since).TotalDays);
        return days <= 0 ? "since today" : days == 1 ? "for 1 day" : $"for {days} days";
    }
}
