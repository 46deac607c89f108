namespace Endorse.Web.Hosting;

/// <summary>
/// The <c>endorse</c> commands that run without the web server (<c>generate</c>, <c>import</c>, <c>token</c>):
/// <c>dotnet run --project src/Endorse.Web -- generate --accounts 200000</c>.
/// </summary>
public static class CommandLine
{
    private static readonly Dictionary<string, Func<string[], WebApplicationBuilder, Task<int>>> Commands = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Registers a command; features add theirs from a static constructor-free call in <see cref="RegisterAll"/>.</summary>
    public static void Register(string name, Func<string[], WebApplicationBuilder, Task<int>> run) => Commands[name] = run;

    public static async Task<bool> TryRunAsync(string[] args, WebApplicationBuilder builder)
    {
        RegisterAll();
        if (args.Length == 0 || args[0].StartsWith('-') || !Commands.TryGetValue(args[0], out var command))
        {
            return false;
        }

        Environment.ExitCode = await command(args[1..], builder);
        return true;
    }

    private static void RegisterAll()
    {
        // Features register their commands here.
        Register("import", Features.Import.ImportCommand.RunAsync);
        Register("generate", GenerateCommand.RunAsync);
        Register("token", Features.AccessTokens.AccessTokenCommand.RunAsync);
    }
}
