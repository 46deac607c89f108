using System.Reflection;
using Xunit.Sdk;

[assembly: Endorse.BrowserTests.Infrastructure.FailOnCspViolation]

namespace Endorse.BrowserTests.Infrastructure;

/// <summary>Fails any browser test during which a page reported a Content-Security-Policy violation.</summary>
[AttributeUsage(AttributeTargets.Assembly | AttributeTargets.Class | AttributeTargets.Method)]
public sealed class FailOnCspViolationAttribute : BeforeAfterTestAttribute
{
    public override void Before(MethodInfo methodUnderTest) => BrowserApp.TakeCspViolations();

    public override void After(MethodInfo methodUnderTest)
    {
        var violations = BrowserApp.TakeCspViolations();
        if (violations.Count > 0)
        {
            throw new XunitException("The page broke the Content-Security-Policy:\n" + string.Join("\n", violations.Distinct()));
        }
    }
}
