using Endorse.Web.Hosting;

namespace Endorse.BrowserTests.Infrastructure;

/// <summary>The demo users created on first start, one per role (see <see cref="DemoSetup"/>).</summary>
public static class DemoUser
{
    public static string Password => DemoSetup.DemoPassword;

    public static string EmailOf(string role) => DemoSetup.DemoUsers.Single(u => u.Role == role).Email;

    public static string NameOf(string role) => DemoSetup.DemoUsers.Single(u => u.Role == role).Name;

    /// <summary>How the demo user of a role reads dates and times (their zone and date style).</summary>
    public static Endorse.Formatting.PersonalFormat FormatOf(string role)
    {
        var (zone, style, hour12) = DemoSetup.DemoPreferences[EmailOf(role)];
        return Endorse.Formatting.PersonalFormat.Of(zone, style, hour12);
    }

    public static TheoryData<string> AllRoles
    {
        get
        {
            var roles = new TheoryData<string>();
            foreach (var (_, _, role) in DemoSetup.DemoUsers)
            {
                roles.Add(role);
            }

            return roles;
        }
    }
}
