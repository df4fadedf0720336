using AirisEpm.ServiceDefaults;
using AirisEpm.ServiceDefaults.Dapr;
using AirisEpm.ServiceDefaults.Security;
using AirisEpm.WebConsole.Spa;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(AppIds.Console);

var app = builder.Build();
app.UseServiceDefaults();
app.MapDefaultEndpoints(Permissions.Admin);
app.MapConsolePage();

app.Run();
