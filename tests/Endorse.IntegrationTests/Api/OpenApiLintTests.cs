using System.Diagnostics;
using System.Text.Json.Nodes;
using Endorse.IntegrationTests.Infrastructure;

namespace Endorse.IntegrationTests.Api;

/// <summary>
/// Lints the OpenAPI document the running app serves with Redocly CLI's recommended rules (tools/api-lint, from the
/// npm registry; test.sh runs <c>npm ci</c> there), and fails with the linter's own report on any error or warning.
/// With <c>ENDORSE_OPENAPI_OUT</c> set, the document is also written there (scripts/check-api-client.sh uses it).
/// </summary>
public sealed class OpenApiLintTests
{
    [Fact]
    public async Task The_OpenAPI_document_lints_clean_under_Redocly_recommended_rules()
    {
        // Configured as production must be (PublicBaseUrl is required there), so the document names the public address.
        await using var app = new EndorseApp(TestDatabases.Sqlite, new Dictionary<string, string?> { ["PublicBaseUrl"] = "https://endorse.acme.test/" });
        using var anonymous = app.CreateClient();
        var json = await anonymous.GetStringAsync("/openapi/v1.json");

        if (Environment.GetEnvironmentVariable("ENDORSE_OPENAPI_OUT") is { Length: > 0 } documentPath)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(documentPath))!);
            await File.WriteAllTextAsync(documentPath, json);
        }

        var tools = Path.Combine(RepositoryRoot(), "tools", "api-lint");
        var cli = Path.Combine(tools, "node_modules", "@redocly", "cli", "bin", "cli.js");
        Assert.True(File.Exists(cli), $"Redocly CLI is not installed: run 'npm ci' in {tools} (test.sh does).");

        var folder = Path.Combine(Path.GetTempPath(), "endorse-tests", "openapi-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var document = Path.Combine(folder, "v1.json");
            await File.WriteAllTextAsync(document, json);
            var start = new ProcessStartInfo("node")
            {
                WorkingDirectory = tools,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[] { cli, "lint", document, "--config", Path.Combine(tools, "redocly.yaml"), "--format", "json", "--max-problems", "1000" })
            {
                start.ArgumentList.Add(argument);
            }

            start.Environment["REDOCLY_TELEMETRY"] = "off";
            start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
            start.Environment["NO_COLOR"] = "1";
            using var lint = Process.Start(start)!;
            var stdout = lint.StandardOutput.ReadToEndAsync();
            var stderr = lint.StandardError.ReadToEndAsync();
            await lint.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
            var output = await stdout;
            var report = output + (await stderr);
            var reportStart = output.IndexOf('{', StringComparison.Ordinal);
            Assert.True(reportStart >= 0, $"redocly lint exited {lint.ExitCode} without a JSON report:\n{report}");
            var result = JsonNode.Parse(output[reportStart..])!;
            var problems = result["problems"]!.AsArray()
                .Select(p => $"{p!["severity"]} {p["ruleId"]}: {p["message"]} at {string.Join(", ", p["location"]!.AsArray().Select(l => (string?)l!["pointer"]))}")
                .ToList();

            // Warnings do not change Redocly's exit code: the document must have none either.
            Assert.True(lint.ExitCode == 0 && problems.Count == 0, $"redocly lint exited {lint.ExitCode} with {problems.Count} problems:\n{string.Join('\n', problems)}\n{await stderr}");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Endorse.slnx")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No Endorse.slnx above {AppContext.BaseDirectory}.");
    }
}
