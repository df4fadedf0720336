namespace AirisEpm.DaprTestSidecar.Harness;

/// <summary>
/// An xunit class fixture owning one <see cref="DaprTestEnvironment"/>: derive, start the apps the
/// test class needs in <see cref="StartAppsAsync"/>; everything is torn down after the class.
/// </summary>
public abstract class EndToEndFixture : IAsyncLifetime
{
    private DaprTestEnvironment? _environment;

    public DaprTestEnvironment Environment => _environment ?? throw new InvalidOperationException("The fixture has not started.");

    public async ValueTask InitializeAsync()
    {
        _environment = await DaprTestEnvironment.StartAsync();
        await StartAppsAsync(_environment);
    }

    protected abstract Task StartAppsAsync(DaprTestEnvironment environment);

    public async ValueTask DisposeAsync()
    {
        if (_environment is not null)
        {
            await _environment.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}
