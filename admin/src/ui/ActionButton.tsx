// A workflow move as a button: opens its ActionDialog, runs the resource's action through the data
// provider, tells the user, and refreshes what the page shows.
import { useState, type ReactElement } from 'react';
import { Button, type ButtonProps } from '@mui/material';
import { useDataProvider, useNotify, useRefresh, useTranslate, type Identifier } from 'react-admin';
import type { GuardlineDataProvider } from '../dataProvider';
import { ActionDialog, type ActionDialogProps, type Values } from './ActionDialog';

export function useRunAction() {
  const dataProvider = useDataProvider<GuardlineDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  return async (resource: string, action: string, id: Identifier | undefined, data: Values, done?: string) => {
    const result = await dataProvider.action(resource, action, { id, data });
    if (done) notify(done, { type: 'success' });
    refresh();
    return result.data;
  };
}

/** The record a move acts on: `{...actionTarget('cases', record.id, { version })}` on an ActionButton. */
export const actionTarget = (resource: string, id: Identifier | undefined, base?: Values) => ({ resource, id, base });

export interface ActionButtonProps extends Omit<ActionDialogProps, 'open' | 'onClose' | 'onSubmit' | 'title' | 'confirmLabel'> {
  /** Button text (translation key); also the dialog title unless `title` is given, and the confirm text unless `confirmLabel` is. */
  label: string;
  confirmLabel?: string;
  title?: string;
  resource: string;
  action: string;
  id: Identifier | undefined;
  /** Values sent with every submit (e.g. the version the user saw). */
  base?: Values;
  /** Form values → the action's data (default: as they are). */
  toData?: (values: Values) => Values;
  done?: string;
  icon?: ReactElement;
  variant?: ButtonProps['variant'];
  color?: ButtonProps['color'];
  onDone?: (result: unknown) => void;
  /** Runs before the move (e.g. resolves a typed code to an id); may throw an HttpError with field errors. */
  prepare?: (data: Values) => Promise<Values>;
}

export const ActionButton = ({ label, title, confirmLabel, resource, action, id, base, toData, done, icon, variant = 'outlined', color = 'primary', onDone, prepare, testId, ...dialog }: ActionButtonProps) => {
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const run = useRunAction();
  return (
    <>
      <Button
        variant={variant}
        color={color}
        startIcon={icon}
        onClick={(e) => {
          e.stopPropagation();
          setOpen(true);
        }}
        data-testid={testId ? `${testId}-button` : undefined}
      >
        {translate(label, { _: label })}
      </Button>
      {open ? (
        <ActionDialog
          {...dialog}
          testId={testId}
          open={open}
          onClose={() => setOpen(false)}
          title={title ?? label}
          confirmLabel={confirmLabel ?? label}
          onSubmit={async (values) => {
            let data = { ...base, ...(toData ? toData(values) : values) };
            if (prepare) data = await prepare(data);
            const result = await run(resource, action, id, data, done ?? 'guardline.action.done');
            onDone?.(result);
          }}
        />
      ) : null}
    </>
  );
};
