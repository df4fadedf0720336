namespace AirisEpm.AlertService.Application;

/// <summary>The alert groups with alerts firing now and neither silenced nor inhibited: what correlation looks at.</summary>
public interface IActiveAlertSource
{
    IReadOnlyList<ActiveGroup> ActiveGroups();
}
