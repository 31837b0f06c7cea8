'use client';

import { useFormState, useWatch } from 'react-hook-form';

import { Fieldset } from '@/components/ui/field';
import { useT } from '@/components/ui/i18n-context';
import { chartLineFor, IMAGE_IDS } from '@/lib/config/chart-images';
import { type InstallConfig, resolveConfigImages } from '@/lib/config';
import { mirrorRepository } from '@/lib/config/image-ref';
import type { Images } from '@/lib/config/images';

import { TextField } from '../fields';
import { RegistryLogin, RegistryTls } from '../registry-connection';

/** Registry and images: where the mirrored images live, how to log in, and what each image becomes. */
export function RegistryStep() {
  const t = useT();
  return (
    <>
      <Fieldset legend={t('ui.registry.legend')}>
        <TextField
          name="registry.host"
          label="ui.field.registry.host"
          help="ui.help.registry.host"
          example="registry.yourdomain.com"
          required
        />
      </Fieldset>

      <RegistryLogin base="registry" legend="ui.registry.login.legend" toggle="ui.registry.login.toggle">
        <TextField
          name="registry.pullSecretName"
          label="ui.field.registry.pullSecretName"
          help="ui.help.registry.pullSecretName"
          example="wandb-registry-pull"
          required
        />
      </RegistryLogin>

      <RegistryTls base="registry" />

      <ImagesSection />
    </>
  );
}

/** The images of the chosen chart version: public source → internal reference, with per-image overrides. */
function ImagesSection() {
  const t = useT();
  const registry = (useWatch({ name: 'registry.host' }) as string) ?? '';
  const images = useWatch({ name: 'images' }) as Images;
  const charts = useWatch({ name: 'charts' }) as InstallConfig['charts'] | undefined;
  const mysqlMode = useWatch({ name: 'mysql.mode' }) as InstallConfig['mysql']['mode'];
  const version = charts?.platform?.version ?? '';
  const match = chartLineFor(version);
  // An override with an error must be visible when "Next" focuses it.
  const { errors } = useFormState({ name: 'images' });
  const overridesInvalid = Boolean((errors as Record<string, unknown>).images);
  // The same list the generator, the checks and the mirror use (with the chart read, its own images).
  const resolved =
    match && images && charts
      ? resolveConfigImages({
          charts,
          registry: { host: registry || 'registry' } as InstallConfig['registry'],
          images,
          mysql: { mode: mysqlMode } as InstallConfig['mysql'],
        })
      : [];
  // Overrides only for the images of this version (or one the user already set).
  const applicable = new Set(resolved.map((image) => image.id));
  const overridable = IMAGE_IDS.filter(
    (id) =>
      resolved.length === 0 ||
      applicable.has(id) ||
      images?.[id]?.repository !== '' ||
      images?.[id]?.tag !== '',
  );

  return (
    <Fieldset
      legend={t('ui.images.legend')}
      hint={
        match ? t('ui.images.hint', { version, line: match.line.id }) : t('ui.images.noLine', { version })
      }
    >
      {resolved.length > 0 ? (
        <div className="table-wrap">
          <table className="image-table">
            <caption className="visually-hidden">{t('ui.images.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('ui.images.source')}</th>
                <th scope="col">{t('ui.images.target')}</th>
                <th scope="col">{t('ui.images.needed')}</th>
              </tr>
            </thead>
            <tbody>
              {resolved.map((image) => (
                <tr key={image.id}>
                  <td>
                    <code>{image.sourceRef}</code>
                  </td>
                  <td>
                    <code>{image.targetRef}</code>
                  </td>
                  <td>{image.needed ? t('ui.images.neededYes') : t('ui.images.neededNo')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <details className="overrides" open={overridesInvalid || undefined}>
        <summary>{t('ui.images.overrides')}</summary>
        <p className="fieldset-hint">{t('ui.images.overridesHint')}</p>
        {overridable.map((id) => {
          const source = match?.line.images.find((image) => image.id === id)?.source;
          return (
            <Fieldset key={id} legend={source ?? id}>
              <TextField
                name={`images.${id}.repository`}
                label="ui.field.images.repository"
                help="ui.help.images.repository"
                example={source ? mirrorRepository(source, 'registry.yourdomain.com') : undefined}
              />
              <TextField
                name={`images.${id}.tag`}
                label="ui.field.images.tag"
                help="ui.help.images.tag"
                example={resolved.find((image) => image.id === id)?.tag}
              />
            </Fieldset>
          );
        })}
      </details>
    </Fieldset>
  );
}
