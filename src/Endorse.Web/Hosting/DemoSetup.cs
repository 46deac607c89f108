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
