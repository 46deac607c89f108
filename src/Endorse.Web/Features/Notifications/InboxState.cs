namespace Endorse.Web.Features.Notifications;

/// <summary>Tells the bell that the inbox changed in this circuit (a notification read), so its count follows at once.</summary>
public sealed class InboxState
{
    public event Action? Changed;

    public void NotifyChanged() => Changed?.Invoke();
}
