using Endorse.AccessTokens;
using Endorse.Data;
using Endorse.Users;
using Endorse.Web.Hosting;
using Microsoft.AspNetCore.Identity;

namespace Endorse.Web.Features.AccessTokens;

/// <summary>
/// <c>dotnet run --project src/Endorse.Web -- token create --email someone@example.com --name "CRM sync" [--expires-in-days 30]</c>:
/// an operator with access to the server creates a personal access token for a user (an integration's service user, a
/// script), as the user would under Settings → Access tokens. The token alone is written to standard output (one line,
/// shown this once; only its hash is stored); everything else goes to standard error. Audited like any token created.
/// Exit code 0 when created, 1 when the arguments are wrong or no active user has the e-mail.
/// </summary>
public static class AccessTokenCommand
{
    public const string Usage = "usage: token create --email USER_EMAIL --name NAME [--expires-in-days 30|90|365]";

    public static Task<int> RunAsync(string[] args, WebApplicationBuilder builder) => RunAsync(args, builder, Console.Out, Console.Error);

    public static async Task<int> RunAsync(string[] args, WebApplicationBuilder builder, TextWriter output, TextWriter messages)
    {
        if (!TryParse(args, out var email, out var input, out var problem))
        {
            await messages.WriteLineAsync(problem);
            await messages.WriteLineAsync(Usage);
            return 1;
        }

        // Standard output carries the token alone: the app's log lines go to standard error.
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.AddEndorse();
        await using var app = builder.Build();
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        await DatabaseMigrator.MigrateAsync(services.GetRequiredService<EndorseDbContext>());

        var user = await services.GetRequiredService<UserManager<EndorseUser>>().FindByEmailAsync(email);
        if (user is null || !user.IsActive)
        {
            await messages.WriteLineAsync(user is null ? $"No user has the e-mail {email}." : $"The user {email} is deactivated.");
            return 1;
        }

        var result = await services.GetRequiredService<AccessTokenService>().CreateAsync(user.Id, input);
        if (result.Value is not { } created)
        {
            await messages.WriteLineAsync("The token was not created: " + string.Join(" ", result.Errors?.ToDictionary().Values.SelectMany(m => m) ?? []));
            return 1;
        }

        var expiry = created.Details.ExpiresAt is { } expires ? $"expires {expires:yyyy-MM-dd HH:mm} UTC" : "does not expire";
        await messages.WriteLineAsync($"Created the access token \"{created.Details.Name}\" for {email} ({expiry}); it acts with {email}'s roles. It is shown this once:");
        await output.WriteLineAsync(created.Token);
        return 0;
    }

    private static bool TryParse(string[] args, out string email, out CreateAccessTokenInput input, out string problem)
    {
        email = "";
        input = new CreateAccessTokenInput();
        problem = "";
        if (args.Length == 0 || args[0] != "create")
        {
            problem = "Say what to do: token create.";
            return false;
        }

        for (var i = 1; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--email" when value is not null:
                    email = value.Trim();
                    i++;
                    break;
                case "--name" when value is not null:
                    input.Name = value;
                    i++;
                    break;
                case "--expires-in-days" when int.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var days):
                    input.ExpiresInDays = days;
                    i++;
                    break;
                default:
                    problem = $"Unknown or incomplete argument: {args[i]}";
                    return false;
            }
        }

        if (email.Length == 0)
        {
            problem = "--email is required.";
            return false;
        }

        if (AccessTokenRules.Validate(input) is { IsValid: false } errors)
        {
            problem = string.Join(" ", errors.ToDictionary().Values.SelectMany(m => m));
            return false;
        }

        return true;
    }
}
