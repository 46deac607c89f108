using Endorse.Data;
using Endorse.Notifications;
using Endorse.Requests;
using MudBlazor;

namespace Endorse.Web.Features.Requests;

/// <summary>Builds the request service over a page's own DbContext, so changes are audited as the signed-in user.</summary>
public static class RequestPages
{
    public static RequestService Service(EndorseDbContext db, TimeProvider clock, MailSettings mail) => new(db, new Notifier(db, clock, mail), clock);

    public static Color StatusColor(RequestStatus status) => status switch
    {
        RequestStatus.Completed or RequestStatus.Scheduled => Color.Success,
        RequestStatus.Cancelled or RequestStatus.Declined or RequestStatus.NoShow => Color.Default,
        RequestStatus.AwaitingOwnerApproval => Color.Warning,
        _ => Color.Info,
    };
}
