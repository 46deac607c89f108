using System.Text.RegularExpressions;
using Endorse.BrowserTests.Infrastructure;
using Endorse.BrowserTests.Pages;
using Endorse.Users;
using Xunit.Abstractions;

namespace Endorse.BrowserTests;

/// <summary>
/// Every page a person of each role can reach opens and passes axe-core: each link of the role's navigation and account
/// menu (read from the page, so a new link is covered without touching this test), the record behind the first row of each
/// list, and the forms (new, edit, enrol) those pages link to. One signed-in browser context per role.
/// </summary>
[Collection(BrowserCollection.Name)]
public partial class EveryPageTests(BrowserApp app, ITestOutputHelper output)
{
    /// <summary>
    /// Lists a demo user may see empty: their own access tokens (none until they make one), the busiest advocates of the
    /// program's health (no activity has taken place yet in the demo) and the imports (the demo loads no CRM export).
    /// </summary>
    private static readonly HashSet<string> MayBeEmpty = new(StringComparer.Ordinal) { "/settings/tokens", "/program/health", "/imports" };

    [Theory, MemberData(nameof(DemoUser.AllRoles), MemberType = typeof(DemoUser))]
    public async Task Every_page_reachable_from_the_navigation_opens_and_passes_axe(string role)
    {
        var (page, shell) = await Session.SignInAsync(app, role);
        var slug = Roles.DisplayName(role).ToLowerInvariant().Replace(' ', '-');
        var navigation = await NavigationPathsAsync(page, shell);
        Assert.Contains("/accounts", navigation);
        Assert.Contains("/inbox", navigation);

        var visited = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var emptyLists = new List<string>();
        var failures = new List<string>();
        foreach (var path in navigation)
        {
            await VisitAsync(path, "nav");
            var rowLinks = page.Locator("main .mud-table-body a[href^='/']");
            var records = (await rowLinks.EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))"))
                .Where(h => RecordPath().IsMatch(Key(h))).ToList();
            var rows = records.Count;
            if (rows == 0 && !MayBeEmpty.Contains(path) && await page.Locator("main .mud-table").CountAsync() > 0
                && await page.Locator("main .mud-table-body td[data-label]").CountAsync() == 0)
            {
                emptyLists.Add(path);
            }

            // The record behind the list's first row, and the forms this page links to.
            var record = records.FirstOrDefault();
            var forms = await FormPathsAsync(page);
            if (record is not null && Key(record) != Key(path))
            {
                await VisitAsync(record, "record");
                forms.AddRange(await FormPathsAsync(page));
            }

            foreach (var form in forms)
            {
                await VisitAsync(form, "form");
            }
        }

        output.WriteLine($"{Roles.DisplayName(role)} visited {visited.Count} pages:\n  " + string.Join("\n  ", visited));
        await File.WriteAllLinesAsync(Path.Combine(BrowserApp.ScreenshotFolder, $"pages-{slug}.txt"), visited);

        Assert.True(failures.Count == 0, $"{failures.Count} of {visited.Count} pages failed for {Roles.DisplayName(role)}:\n\n" + string.Join("\n\n", failures));

        // The demo data gives every list of the navigation something to show to each role.
        Assert.Empty(emptyLists);
        await page.Context.CloseAsync();

        async Task VisitAsync(string path, string kind)
        {
            if (!seen.Add(Key(path)))
            {
                return;
            }

            var clock = System.Diagnostics.Stopwatch.StartNew();
            try
            {
                await PageCheck.VisitAsync(page, path, $"every-{slug}{Shot(path)}");
                visited.Add($"{kind,-6} {path} ({clock.ElapsedMilliseconds} ms)");
            }
            catch (Exception exception) when (exception is Xunit.Sdk.XunitException or PlaywrightException or TimeoutException)
            {
                // Every page is checked, and every page's problems reported together.
                visited.Add($"{kind,-6} {path} FAILED");
                failures.Add(exception.Message);
            }
        }
    }

    /// <summary>The internal links of the navigation drawer and of the account menu, in their order.</summary>
    private static async Task<List<string>> NavigationPathsAsync(IPage page, AppShell shell)
    {
        var paths = await shell.Navigation.Locator("a[href^='/']:not([target=_blank])").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");

        // The account menu renders its items when opened; the first click may land before the circuit is up.
        var items = page.Locator(".mud-popover-open a[href^='/']");
        for (var attempt = 0; attempt < 10 && await items.CountAsync() == 0; attempt++)
        {
            await shell.AccountMenuButton.ClickAsync();
            await page.WaitForTimeoutAsync(300);
        }

        var menu = await items.EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        Assert.NotEmpty(menu);
        await page.Keyboard.PressAsync("Escape");
        return paths.Concat(menu).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>Links in the page's main content to a form: a new record, an edit, an enrolment.</summary>
    private static async Task<List<string>> FormPathsAsync(IPage page)
    {
        var hrefs = await page.Locator("main a[href^='/']").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        return hrefs.Where(h => FormPath().IsMatch(h.Split('?')[0])).Distinct(StringComparer.Ordinal).ToList();
    }

    private static string Key(string path) => path.Split('?', '#')[0];

    private static string Shot(string path) => NotWordy().Replace(Key(path), "-").TrimEnd('-');

    /// <summary>A record's page: its last segment is an id (a number or a GUID).</summary>
    [GeneratedRegex(@"/[0-9a-f-]*[0-9][0-9a-f-]*$")]
    private static partial Regex RecordPath();

    [GeneratedRegex(@"/(new|edit|enrol|bulk-enrol)$")]
    private static partial Regex FormPath();

    [GeneratedRegex(@"[^A-Za-z0-9]+")]
    private static partial Regex NotWordy();
}
