using Endorse.Audit;
using Endorse.Data;
using Endorse.Users;
using Endorse.Web.Api;
using Endorse.Web.Auth;
using Endorse.Web.Components;
using Endorse.Web.Features.SignIn;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MudBlazor.Services;

namespace Endorse.Web.Hosting;

/// <summary>Everything Endorse adds to the ASP.NET Core host, in one place, so Program.cs stays a few lines.</summary>
public static class EndorseHost
{
    public static void AddEndorse(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var database = DatabaseSettings.From(builder.Configuration);
        services.AddSingleton(database);
        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddScoped<CircuitUser>();
        services.AddScoped<Microsoft.AspNetCore.Components.Server.Circuits.CircuitHandler, CircuitUserHandler>();
        services.AddScoped<ICurrentActor, HttpCurrentActor>();
        services.AddDbContext<EndorseDbContext>(database.Apply);
        services.AddDbContextFactory<EndorseDbContext>(database.Apply, ServiceLifetime.Scoped);
        var security = SecuritySettings.From(builder.Configuration);
        services.AddSingleton(security);
        builder.AddEndorseHttpHardening(security);

        services.AddDataProtection().SetApplicationName("Endorse").PersistKeysToDbContext<EndorseDbContext>();
        services.AddIdentityCore<EndorseUser>(options =>
            {
                // PasswordPolicy (below) is the one password rule: length and the common-password list, no composition rules.
                options.Password.RequiredLength = PasswordPolicy.MinLength;
                options.Password.RequiredUniqueChars = 1;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.User.RequireUniqueEmail = true;

                // A time-bound lock stored with the user (it holds across nodes and restarts), behind the in-memory
                // sign-in rate limits (SignInThrottle), which act first on one node.
                options.Lockout.MaxFailedAccessAttempts = 20;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<EndorseDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();
        services.RemoveAll<IPasswordValidator<EndorseUser>>();
        services.AddScoped<IPasswordValidator<EndorseUser>, PolicyPasswordValidator>();

        services.AddEndorseAuthentication();
        services.AddEndorseSessions(security);
        services.AddSingleton<SignInThrottle>();
        services.AddScoped<SignInAudit>();
        services.AddEndorseApiRateLimits(security);
        services.AddEndorseAuthorization();
        services.AddEndorseApi();

        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddCascadingAuthenticationState();
        services.AddMudServices();

        builder.AddEndorseObservability();
        services.AddHealthChecks().AddDbContextCheck<EndorseDbContext>("database", tags: ["ready"]);
        services.AddEndorseFeatures(builder.Configuration);
    }

    public static void UseEndorse(this WebApplication app)
    {
        app.UseEndorseHttpHardening();

        // Bad requests (a malformed body, a bad antiforgery token) answer 400 with problem details, not 500.
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = exception => exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
        });
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseApiAntiforgery();
        app.UseAntiforgery();
        app.MapStaticAssets();

        app.MapHealthChecks("/health/live", new() { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new() { Predicate = check => check.Tags.Contains("ready"), ResponseWriter = HealthResponse.WriteJsonAsync });

        app.MapEndorseApi();
        app.MapSignInEndpoints();
        Features.Requests.RespondEndpoints.MapRespondEndpoints(app);
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
    }

    /// <summary>Applies migrations and, on a first start, loads the demo data set and demo users.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EndorseDbContext>();
        await DatabaseMigrator.MigrateAsync(db);
        await DemoSetup.EnsureAsync(scope.ServiceProvider, app.Configuration, app.Logger, app.Urls);
    }
}
