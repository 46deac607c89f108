using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace Endorse.BrowserTests.Pages;

/// <summary>
/// A server-paged list page (accounts, contacts, …): an h1, a debounced search field labelled "Search…",
/// and a MudDataGrid whose rows link to the detail pages under <c>/{path}/{id}</c>.
/// </summary>
public sealed partial class ListPage(IPage page, string path, string title)
{
    public IPage Page => page;
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = title, Exact = true, Level = 1 });
    public ILocator Search =>
        page.GetByTestId(path + "-search").Or(page.GetByRole(AriaRole.Textbox, new() { NameRegex = SearchLabel() })).First;

    /// <summary>The links to detail pages in the grid's rows.</summary>
    public ILocator RowLinks => page.Locator($".mud-table-body a[href^='/{path}/']").Filter(new() { HasTextRegex = NotEmpty() });

    public ILocator RowLink(string name) => page.Locator(".mud-table-body").GetByRole(AriaRole.Link, new() { Name = name, Exact = true });

    public async Task<ListPage> OpenAsync()
    {
        await page.GotoAsync("/" + path);
        await Expect(Heading).ToBeVisibleAsync();
        await AppShell.WaitForInteractivityAsync(page);
        return this;
    }

    /// <summary>Types into the search field (the page debounces and reloads from the server).</summary>
    public async Task SearchAsync(string text)
    {
        await Search.FillAsync(text);
    }

    [GeneratedRegex("^Search", RegexOptions.IgnoreCase)]
    private static partial Regex SearchLabel();

    [GeneratedRegex(@"\S")]
    private static partial Regex NotEmpty();
}
