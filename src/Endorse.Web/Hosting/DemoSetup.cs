using Endorse.Data;
using Endorse.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Endorse.Web.Hosting;

/// <summary>
/// On a first start with an empty database (and <c>Demo:Enabled</c>, on by default), creates one demo user per role
/// and loads the demo data set, then prints where to sign in.
/// </summary>
public static class DemoSetup
{
    public const string DemoPassword = "Endorse-demo-1";

    /// <summary>Each demo person's time zone and date style, so the demo shows people reading one slot in their own zones.</summary>
    public static readonly IReadOnlyDictionary<string, (string Zone, Endorse.Formatting.DateStyle Style, bool Hour12)> DemoPreferences =
        new Dictionary<string, (string, Endorse.Formatting.DateStyle, bool)>(StringComparer.Ordinal)
        {
            ["admin@demo.endorse.example"] = ("Europe/Amsterdam", Endorse.Formatting.DateStyle.Iso, false),
            ["refmanager@demo.endorse.example"] = ("Europe/Berlin", Endorse.Formatting.DateStyle.DayMonthName, false),
            ["rep@demo.endorse.example"] = ("America/New_York", Endorse.Formatting.DateStyle.MonthDayYear, true),
            ["salesmanager@demo.endorse.example"] = ("America/Chicago", Endorse.Formatting.DateStyle.MonthNameDay, true),
            ["marketing@demo.endorse.example"] = ("Europe/London", Endorse.Formatting.DateStyle.DayMonthYear, false),
            ["success@demo.endorse.example"] = ("Europe/Paris", Endorse.Formatting.DateStyle.DayMonthYearDots, false),
            ["exec@demo.endorse.example"] = ("America/Los_Angeles", Endorse.Formatting.DateStyle.MonthNameDay, true),
        };

    public static readonly IReadOnlyList<(string Email, string Name, string Role)> DemoUsers =
    [
        ("admin@demo.endorse.example", "Alex Admin", Roles.Administrator),
        ("refmanager@demo.endorse.example", "Rita Reference", Roles.ReferenceManager),
        ("rep@demo.endorse.example", "Sam Seller", Roles.SalesRep),
        ("salesmanager@demo.endorse.example", "Morgan Manager", Roles.SalesManager),
        ("marketing@demo.endorse.example", "Mia Marketing", Roles.Marketing),
        ("success@demo.endorse.example", "Casey Success", Roles.CustomerSuccess),
        ("exec@demo.endorse.example", "Eve Executive", Roles.Executive),
    ];

    public static async Task EnsureAsync(IServiceProvider services, IConfiguration configuration, ILogger logger, ICollection<string> urls)
    {
        var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }

        if (!configuration.GetValue("Demo:Enabled", true))
        {
            return;
        }

        var users = services.GetRequiredService<UserManager<EndorseUser>>();
        var db = services.GetRequiredService<EndorseDbContext>();
        var firstStart = !await db.Users.AnyAsync();
        if (firstStart)
        {
            var clock = services.GetRequiredService<TimeProvider>();
            foreach (var (email, name, role) in DemoUsers)
            {
                var user = new EndorseUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, CreatedAt = clock.GetUtcNow() };
                if (DemoPreferences.TryGetValue(email, out var preferences))
                {
                    (user.TimeZone, user.DateStyle, user.Hour12) = preferences;
                    user.MailNewRequests = role == Roles.ReferenceManager;
                }

                var created = await users.CreateAsync(user, DemoPassword);
                if (!created.Succeeded)
                {
                    throw new InvalidOperationException("Could not create demo user " + email + ": " + string.Join("; ", created.Errors.Select(e => e.Description)));
                }

                await users.AddToRoleAsync(user, role);
            }

            await DemoDataSetup.LoadAsync(services, logger);
        }

        var lifetime = services.GetRequiredService<IHostApplicationLifetime>();
        lifetime.ApplicationStarted.Register(() => PrintLogins(logger, urls));
    }

    private static void PrintLogins(ILogger logger, ICollection<string> urls)
    {
        var url = urls.FirstOrDefault() ?? "http://localhost:5000";
        var lines = new System.Text.StringBuilder();
        lines.AppendLine();
        lines.AppendLine("  Endorse is running at " + url);
        lines.AppendLine("  Demo sign-ins (password for all: " + DemoPassword + "):");
        foreach (var (email, _, role) in DemoUsers)
        {
            lines.AppendLine($"    {Roles.DisplayName(role),-18} {email}");
        }

        lines.AppendLine("  API reference: " + url.TrimEnd('/') + "/api/docs");
        Console.WriteLine(lines.ToString());
        logger.LogInformation("Endorse started at {Url}", url);
    }
}
