using MudBlazor;

namespace Endorse.Web.Components.Layout;

/// <summary>
/// Endorse's colours. Every colour that carries text (chips, alerts, buttons, secondary text) reaches WCAG AA's 4.5:1
/// against white and against the page background (#F6F7FB); MudBlazor's defaults (success #00C853 at 2.2:1, error
/// #F44336 at 3.7:1, secondary text at 4.48:1) do not. The browser suite's axe-core check holds every page to it.
/// </summary>
public static class EndorseTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#2E5AAC",
            Secondary = "#0B7268",
            AppbarBackground = "#1F3B73",
            Background = "#F6F7FB",
            Success = "#1B7A34",
            Error = "#C62828",
            Warning = "#A65400",
            Info = "#1565C0",
            TextSecondary = "#5C5F66",
            ActionDefault = "#5C5F66",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["Inter", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"] },
        },
    };
}
