using System.Globalization;
using System.Text;
using Endorse.Data;
using Endorse.Matching;
using Endorse.Notifications;
using Endorse.Requests;
using MudBlazor;

namespace Endorse.Web.Features.Requests;

/// <summary>Builds the request service over a page's own DbContext, so changes are audited as the signed-in user; and the pages' wording.</summary>
public static class RequestPages
{
    public static RequestService Service(EndorseDbContext db, TimeProvider clock, MailSettings mail, MatchService matching) => new(db, new Notifier(db, clock, mail), clock, matching);

    public static Color StatusColor(RequestStatus status) => status switch
    {
        RequestStatus.Completed or RequestStatus.Scheduled => Color.Success,
        RequestStatus.Cancelled or RequestStatus.Declined or RequestStatus.NoShow => Color.Default,
        RequestStatus.AwaitingOwnerApproval => Color.Warning,
        _ => Color.Info,
    };

    public static Color StatusColor(ParticipantStatus status) => status switch
    {
        ParticipantStatus.Completed or ParticipantStatus.Scheduled or ParticipantStatus.Accepted => Color.Success,
        ParticipantStatus.AwaitingOwnerApproval => Color.Warning,
        ParticipantStatus.OwnerBlocked or ParticipantStatus.Declined or ParticipantStatus.NoShow => Color.Error,
        ParticipantStatus.Cancelled => Color.Default,
        _ => Color.Info,
    };

    public static string Label(RequestStatus status) => Formatting.Words.Label(status);

    /// <summary>"Reference call", "RFP letter": an activity type at the start of a heading.</summary>
    public static string Title(Endorse.Advocates.ActivityType type)
    {
        var name = Endorse.Advocates.ActivityTypes.Singular(type);
        return name.Length == 0 ? name : char.ToUpperInvariant(name[0]) + name[1..];
    }

    public static string Label(ParticipantStatus status) => Formatting.Words.Label(status);

    public static string Label(ObjectionReason reason) => Formatting.Words.Label(reason);

    /// <summary>A state name of the history ("AwaitingOwnerApproval", "NoShow", "-") in words.</summary>
    public static string StateLabel(string state) =>
        Enum.TryParse<ParticipantStatus>(state, out var participant) ? Label(participant)
        : Enum.TryParse<RequestStatus>(state, out var request) ? Label(request)
        : state == "-" ? "New" : Words(state);


    /// <summary>"AwaitingOwnerApproval" → "Awaiting owner approval"; "NoShow" → "No-show".</summary>
    public static string Words(string pascal)
    {
        ArgumentNullException.ThrowIfNull(pascal);
        if (pascal == "NoShow")
        {
            return "No-show";
        }

        var text = new StringBuilder(pascal.Length + 8);
        for (var i = 0; i < pascal.Length; i++)
        {
            var c = pascal[i];
            if (i > 0 && char.IsUpper(c))
            {
                text.Append(' ').Append(char.ToLowerInvariant(c));
            }
            else
            {
                text.Append(c);
            }
        }

        return text.ToString();
    }
}
