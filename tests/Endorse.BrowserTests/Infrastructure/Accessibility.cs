using System.Reflection;
using System.Text;
using System.Text.Json;

namespace Endorse.BrowserTests.Infrastructure;

/// <summary>
/// axe-core (from the npm registry, <c>package.json</c> beside this project) run on the page as it is now. One line in any
/// browser test: <c>await Accessibility.AssertCleanAsync(page, "what this page is");</c>.
/// </summary>
public static class Accessibility
{
    /// <summary>The rule sets run: WCAG 2.0 and 2.1, levels A and AA.</summary>
    private static readonly string[] Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    /// <summary>
    /// Page structure a screen-reader user navigates by, run as well although axe files them under best practices and rates
    /// them "moderate": one main landmark, one h1, no skipped heading level. Any finding of these fails.
    /// </summary>
    private static readonly string[] StructureRules = ["landmark-one-main", "page-has-heading-one", "heading-order"];

    private static readonly Lazy<string> AxeSource = new(LoadAxe);

    /// <summary>Fails with every critical or serious WCAG 2.1 A/AA violation (and any structure violation) on the page, naming the rule, the element and the page.</summary>
    public static async Task AssertCleanAsync(IPage page, string? what = null)
    {
        var problems = await ViolationsAsync(page);
        if (problems.Count > 0)
        {
            Assert.Fail(Describe(problems, what ?? page.Url, page.Url));
        }
    }

    /// <summary>The violations that fail <see cref="AssertCleanAsync"/>, each as "[impact] rule: element".</summary>
    public static async Task<IReadOnlyList<Violation>> ViolationsAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            // Evaluated through the DevTools protocol, not as a <script> or eval: the page's Content-Security-Policy does not block it.
            await page.EvaluateAsync(AxeSource.Value + "\n;0");
        }

        var json = await page.EvaluateAsync<string>(
            """
            async ([tags, structure]) => {
              // A snackbar fading in is measured mid-way (a contrast of 1.2:1) unless finite animations are let finish first.
              const finite = document.getAnimations().filter(a => a.effect && a.effect.getComputedTiming().endTime !== Infinity);
              await Promise.race([Promise.all(finite.map(a => a.finished.catch(() => null))), new Promise(r => setTimeout(r, 2000))]);
              const rules = Object.fromEntries(structure.map(id => [id, { enabled: true }]));
              const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, rules, resultTypes: ['violations'] });
              return JSON.stringify(result.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help, tags: v.tags,
                nodes: v.nodes.map(n => ({ target: n.target.join(' '), html: n.html, summary: n.failureSummary }))
              })));
            }
            """,
            new object[] { Tags, StructureRules });
        var all = JsonSerializer.Deserialize<List<Violation>>(json, JsonOptions) ?? [];
        return all.Where(Fails).ToList();
    }

    private static bool Fails(Violation violation) =>
        StructureRules.Contains(violation.Id, StringComparer.Ordinal)
        || (violation.Impact is "critical" or "serious" && violation.Tags.Any(t => t is "wcag2a" or "wcag2aa" or "wcag21a" or "wcag21aa"));

    private static string Describe(IReadOnlyList<Violation> problems, string what, string url)
    {
        var text = new StringBuilder($"axe-core found {problems.Count} accessibility problem(s) on {what} ({url}):");
        foreach (var problem in problems)
        {
            text.Append($"\n  [{problem.Impact}] {problem.Id}: {problem.Help}");
            foreach (var node in problem.Nodes.Take(5))
            {
                var html = node.Html.Length > 160 ? node.Html[..160] + "…" : node.Html;
                text.Append($"\n      {node.Target}  {html}\n        {node.Summary?.ReplaceLineEndings(" ")}");
            }

            if (problem.Nodes.Count > 5)
            {
                text.Append($"\n      … and {problem.Nodes.Count - 5} more");
            }
        }

        return text.ToString();
    }

    private static string LoadAxe()
    {
        var folder = typeof(Accessibility).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "BrowserTestsFolder").Value!;
        var path = Path.Combine(folder, "node_modules", "axe-core", "axe.min.js");
        return File.Exists(path)
            ? File.ReadAllText(path)
            : throw new InvalidOperationException($"{path} is missing: run 'npm ci' in {folder} (test.sh does).");
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public sealed record Violation(string Id, string? Impact, string Help, IReadOnlyList<string> Tags, IReadOnlyList<ViolationNode> Nodes);

    public sealed record ViolationNode(string Target, string Html, string? Summary);
}
