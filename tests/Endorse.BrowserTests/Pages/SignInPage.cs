using static Microsoft.Playwright.Assertions;

namespace Endorse.BrowserTests.Pages;

/// <summary>The plain-HTML sign-in form at /signin.</summary>
public sealed class SignInPage(IPage page)
{
    public ILocator Email => page.GetByLabel("E-mail");
    public ILocator Password => page.GetByLabel("Password");
    public ILocator SubmitButton => page.GetByRole(AriaRole.Button, new() { Name = "Sign in" });
    public ILocator Error => page.GetByRole(AriaRole.Alert);
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "Sign in to Endorse" });

    public async Task<SignInPage> OpenAsync()
    {
        await page.GotoAsync("/signin");
        await Expect(Heading).ToBeVisibleAsync();
        return this;
    }

    /// <summary>Fills and submits the form; returns once the browser has left the form's POST.</summary>
    public async Task SubmitAsync(string email, string password)
    {
        await Email.FillAsync(email);
        await Password.FillAsync(password);
        await SubmitButton.ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }

    /// <summary>Signs in and waits for the app shell.</summary>
    public async Task<AppShell> SignInAsync(string email, string password)
    {
        await SubmitAsync(email, password);
        var shell = new AppShell(page);
        await shell.WaitUntilLoadedAsync();
        return shell;
    }
}
