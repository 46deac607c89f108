using Endorse.Notifications;

// In the Hosting namespace so FeatureRegistration calls it without a using (one line a feature).
namespace Endorse.Web.Hosting;

public static class NotificationsSetup
{
    /// <summary>The inbox, the notifier, mail delivery and the scheduler that sends the mail.</summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        var mail = MailSettings.FromConfiguration(configuration);
        services.AddSingleton(mail);
        services.AddSingleton(mail.PublicAddress);
        services.AddSingleton(MailMessages.TransportFor(mail));
        services.AddScoped<Notifier>();
        services.AddScoped<Inbox>();
        services.AddScoped<Endorse.Web.Features.Notifications.InboxState>();
        services.AddScoped<PendingMailSender>();
        services.AddScoped<Endorse.Reminders.ReminderService>();
        services.AddScoped<Endorse.Users.PreferencesService>();
        services.AddEndorseScheduler(configuration);
        return services;
    }
}
