import { useI18n } from '../../i18n/useI18n';
import type { MessageKey } from '../../i18n/messages.en';
import { useLeafletMap } from '../../map/useLeafletMap';
import { finishRouteDrawing, isRouteTool, type MapTool } from './MapToolLayer';
import type { FieldIssues, PourDraft } from './pourDraft';

interface EditorMapToolsProps {
  draft: PourDraft;
  tool: MapTool | null;
  onToolChange: (tool: MapTool | null) => void;
  issues: FieldIssues;
  showIssue: (field: keyof FieldIssues) => boolean;
}

const TOOLS: ReadonlyArray<{ field: MapTool; testId: string; place: MessageKey; replace: MessageKey }> = [
  { field: 'pumpPosition', testId: 'editor-place-pump', place: 'editor.placePump', replace: 'editor.movePump' },
  { field: 'startPoint', testId: 'editor-place-start', place: 'editor.placeStart', replace: 'editor.moveStart' },
  { field: 'endPoint', testId: 'editor-place-end', place: 'editor.placeEnd', replace: 'editor.moveEnd' },
  { field: 'entryRoute', testId: 'editor-draw-entry', place: 'editor.drawEntry', replace: 'editor.redrawEntry' },
  { field: 'exitRoute', testId: 'editor-draw-exit', place: 'editor.drawExit', replace: 'editor.redrawExit' },
];

/** The buttons that pick up a map tool, each with what is still wrong with its geometry. */
export function EditorMapTools({ draft, tool, onToolChange, issues, showIssue }: EditorMapToolsProps) {
  const { t } = useI18n();
  const map = useLeafletMap();

  return (
    <div className="editor-map-tools">
      <div className="editor-tool-row" role="toolbar" aria-label={t('editor.mapTools')}>
        {TOOLS.map(({ field, testId, place, replace }) => (
          <div key={field} className="editor-tool">
            <button
              type="button"
              className={`button${tool === field ? ' button--primary' : ''}`}
              data-testid={testId}
              aria-pressed={tool === field}
              onClick={() => onToolChange(tool === field ? null : field)}
            >
              {t(draft[field] ? replace : place)}
            </button>
            {showIssue(field) && issues[field] && (
              <span className="editor-error" data-testid={`editor-error-${field}`} role="alert">
                {issues[field]}
              </span>
            )}
          </div>
        ))}
      </div>
      {tool && (
        <div className="editor-tool-hint" data-testid="editor-tool-hint" aria-live="polite">
          <span>{t(isRouteTool(tool) ? 'editor.hintRoute' : 'editor.hintPoint')}</span>
          {isRouteTool(tool) && (
            <button
              type="button"
              className="button button--primary"
              data-testid="editor-finish-route"
              onClick={() => finishRouteDrawing(map)}
            >
              {t('editor.finishRoute')}
            </button>
          )}
          <button type="button" className="button button--ghost" onClick={() => onToolChange(null)}>
            {t('common.cancel')}
          </button>
        </div>
      )}
      <p className="muted editor-map-note">{t('editor.mapNote')}</p>
    </div>
  );
}
