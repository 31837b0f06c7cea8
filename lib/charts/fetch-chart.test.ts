import { describe, expect, it } from 'vitest';

import { renderedImages } from './fetch-chart';

const deployment = (name: string, image: string) => `---
# Source: operator-wandb/charts/${name}/templates/deployment.yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  template:
    spec:
      containers:
        - name: ${name}
          image: ${image}
`;

describe('renderedImages', () => {
  it('lists the started images in their long form, test hooks apart', () => {
    const out =
      deployment('app', 'wandb/local:0.62.2') +
      `---
apiVersion: v1
kind: Pod
metadata:
  name: wandb-test
  annotations:
    helm.sh/hook: test
spec:
  containers:
    - name: t
      image: busybox
`;
    expect(renderedImages(out)).toEqual({
      started: ['docker.io/wandb/local:0.62.2'],
      testHooks: ['Pod/wandb-test busybox'],
    });
  });

  it('refuses output with a document it cannot read, naming it, rather than list fewer images', () => {
    const out = `${deployment('app', 'wandb/local:0.62.2')}---
# Source: operator-wandb/charts/weave/templates/deployment.yaml
kind: Deployment
spec: [unclosed
`;
    expect(() => renderedImages(out)).toThrow(/operator-wandb\/charts\/weave\/templates\/deployment\.yaml/);
  });
});
