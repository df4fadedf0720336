using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace AirisEpm.WebConsole.Spa;

/// <summary>
/// Serves the built page (web/dist, which Console.csproj builds with Vite) beside the API: hashed assets
/// under /assets are cached for a year, index.html never, and every other GET that is not a file and not
/// under /api answers index.html so the page's router handles deep links. Unknown /api paths stay JSON 404s.
/// </summary>
public static class ConsolePageExtensions
{
    /// <summary>Where the page's files live, relative to the content root (the project folder or the publish folder).</summary>
    public const string PageFolder = "web/dist";

    /// <summary>
    /// Scripts and styles only from the console itself; inline styles are allowed because uPlot and CodeMirror
    /// set element styles. It replaces ServiceDefaults' API policy (default-src 'none') for the page's files.
    /// </summary>
    public const string PagePolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static WebApplication MapConsolePage(this WebApplication app)
    {
        var root = Path.Combine(app.Environment.ContentRootPath, PageFolder);
        IFileProvider files = Directory.Exists(root) ? new PhysicalFileProvider(root) : new NullFileProvider();

        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            ContentTypeProvider = new FileExtensionContentTypeProvider(),
            OnPrepareResponse = context => SetPageHeaders(context.Context.Response, context.File.Name),
        });
        app.MapFallback("/api/{**path}", ApiNotFound).AllowAnonymous();
        app.MapFallback(context => ServeIndexAsync(context, files))
            .WithMetadata(new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head]))
            .AllowAnonymous()
            .DisableRateLimiting();
        return app;
    }

    private static IResult ApiNotFound(HttpContext context) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "Not found",
        detail: $"There is no API at {context.Request.Method} {context.Request.Path}.");

    private static async Task ServeIndexAsync(HttpContext context, IFileProvider files)
    {
        var index = files.GetFileInfo("index.html");
        if (!index.Exists)
        {
            await TypedResults.Problem(
                statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "The console page is not built",
                detail: $"No {PageFolder}/index.html under {context.RequestServices.GetRequiredService<IWebHostEnvironment>().ContentRootPath}: " +
                        "build Console.csproj (it runs npm ci and npm run build in services/Console/web).").ExecuteAsync(context);
            return;
        }

        context.Response.ContentType = "text/html; charset=utf-8";
        SetPageHeaders(context.Response, index.Name);
        await context.Response.SendFileAsync(index, context.RequestAborted);
    }

    private static void SetPageHeaders(HttpResponse response, string fileName)
    {
        response.Headers.ContentSecurityPolicy = PagePolicy;
        // Vite puts a content hash in every asset's name, so only index.html can change under the same URL.
        response.Headers.CacheControl = fileName == "index.html" ? "no-cache" : "public, max-age=31536000, immutable";
    }
}
