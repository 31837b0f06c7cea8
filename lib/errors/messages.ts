/**
 * Every message key used by lib/errors, lib/checks/runner, lib/helm, lib/registry and lib/kube,
 * in English and Japanese. The i18n layer merges these into its catalogue. Parameters are written
 * `{name}`. Plain data without `server-only`, so that the browser bundle may import it.
 */
export const errorMessages = {
  en: {
    'errors.unknown': 'Unexpected error: {message}',
    'errors.timeout': 'No answer in time from {address}.',
    'errors.aborted': 'The operation was cancelled.',
    'errors.validation': 'Invalid fields ({count}): {summary}',

    'errors.check.timeout': 'The check did not finish within its limit of {seconds} s and was stopped.',
    'errors.check.deadline': 'The check was stopped by the overall deadline of {seconds} s.',
    'errors.check.cancelled': 'The check was cancelled.',
    'errors.check.unknown': 'There is no check named "{id}".',
    'errors.check.noCluster': 'Skipped: no cluster connection is configured.',
    'errors.check.dependencyFailed': 'Skipped: it needs the check "{dependency}" to pass first.',
    'errors.check.badDependency': 'The check depends on "{dependency}", which is unknown or circular.',
    'errors.check.duplicateId': 'Two checks have the same id "{id}".',

    'errors.network.refused':
      'Connection refused by {address}: nothing listens there, or a firewall rejects it.',
    'errors.network.timeout': 'Connection to {address} timed out.',
    'errors.network.dns': 'The host name {address} could not be resolved.',
    'errors.network.reset': 'The connection to {address} was closed unexpectedly.',
    'errors.network.unreachable': 'No route to {address}.',

    'errors.tls.untrusted':
      'The TLS certificate of {address} is not signed by a trusted CA ({code}). Provide the CA bundle that issued it.',
    'errors.tls.selfSigned':
      'The TLS certificate of {address} is self-signed ({code}). Provide that certificate as the CA bundle.',
    'errors.tls.hostname': 'The TLS certificate of {address} is not valid for this host name ({code}).',
    'errors.tls.expired': 'The TLS certificate of {address} has expired ({code}).',
    'errors.tls.notYetValid': 'The TLS certificate of {address} is not valid yet ({code}); check the clocks.',
    'errors.tls.protocol':
      'TLS handshake with {address} failed ({code}); does it speak plain HTTP instead of HTTPS?',
    'errors.tls.other': 'TLS failure with {address} ({code}).',

    'errors.kube.unauthorized':
      'The API server did not accept the credentials of the kubeconfig (401): {message}',
    'errors.kube.forbidden': 'The API server refused the request (403): {message}',
    'errors.kube.notFound': 'Not found on the cluster (404): {message}',
    'errors.kube.alreadyExists': 'Already exists on the cluster (409): {message}',
    'errors.kube.conflict': 'Conflict with the object on the cluster (409): {message}',
    'errors.kube.invalid': 'The API server rejected the object as invalid (422): {message}',
    'errors.kube.status': 'The API server answered {status} {reason}: {message}',
    'errors.kube.noContext': 'The kubeconfig has no context named "{context}".',
    'errors.kube.noCluster': 'The kubeconfig context "{context}" names no cluster.',
    'errors.kube.badKubeconfig': 'The kubeconfig could not be read: {message}',

    'errors.helm.notFound': 'Helm was not found at {path}.',
    'errors.helm.notExecutable': 'Helm at {path} cannot be executed.',
    'errors.helm.failed': 'helm exited with code {exitCode}: {stderr}',
    'errors.helm.timeout': 'helm did not finish in time and was stopped.',
    'errors.helm.tls': 'helm could not verify the TLS certificate of the repository: {stderr}',
    'errors.helm.unauthorized': 'The chart repository did not accept the credentials: {stderr}',
    'errors.helm.forbidden': 'The chart repository refused access: {stderr}',
    'errors.helm.chartNotFound': 'The chart or chart version was not found: {stderr}',
    'errors.helm.unreachable': 'helm could not connect: {stderr}',
    'errors.helm.networkTimeout': 'helm timed out while connecting: {stderr}',
    'errors.helm.clusterUnreachable': 'helm could not reach the cluster: {stderr}',
    'errors.helm.kubeForbidden': 'The cluster refused helm a permission it needs: {stderr}',
    'errors.helm.badRepository': 'This URL is not a valid chart repository: {stderr}',
    'errors.helm.outputTooLarge': 'helm produced more output than allowed.',
    'errors.helm.stuckRelease':
      'The Helm release {release} in {namespace} is stuck in {status} (revision {revision}): a helm run was stopped before it finished (cancelled, crashed or cut off). Helm refuses to install or upgrade it until it is recovered, so the apply fails at this step. If no other helm operation is running on this release right now, the wizard can recover it. To recover it by hand instead, run: {command} — then apply again. (A rollback returns to the last good revision; an uninstall is used when nothing was ever deployed and keeps the CRDs.)',
    'errors.helm.crdConflict':
      'Helm 4 could not install the W&B CRD: its fields were last written by another tool (a client-side kubectl apply), and Helm 4, which applies CRDs server-side, does not take them over by itself ({stderr}). Take them over once with the CRD of the operator chart (helm pull <the operator chart> --untar), then apply again: kubectl apply --server-side --force-conflicts --field-manager=helm -f operator/crds/wandb.yaml. Or run the wizard with Helm 3.',
    'errors.helm.operationInProgress':
      'helm refused: another operation on this release is in progress, or an interrupted helm run left it pending ({stderr}). If no other helm run is active, start a dry run: it shows how to recover the release.',

    'errors.registry.missing': '{target} is not in the registry.',
    'errors.registry.unauthorized': 'The registry did not accept the credentials for {target}.',
    'errors.registry.forbidden': 'The registry refused access to {target}.',
    'errors.registry.tls': 'TLS verification failed for {target} ({code}).',
    'errors.registry.unreachable': 'The registry for {target} is unreachable ({code}).',
    'errors.registry.timeout': 'The registry did not answer in time for {target}.',
    'errors.registry.protocol':
      'The registry gave an unexpected answer for {target} (HTTP {status}): {detail}',
    'errors.chartIndex.invalid': 'The index.yaml of the chart repository cannot be read: {reason}',
    'errors.registry.badReference': '"{reference}" is not a valid image reference: {reason}',

    'errors.mysql.accessDenied': 'MySQL rejected the user or password: {message}',
    'errors.mysql.databaseAccessDenied': 'The MySQL user may not use this database: {message}',
    'errors.mysql.privilegeMissing': 'The MySQL user lacks a privilege: {message}',
    'errors.mysql.unknownDatabase': 'The MySQL database does not exist: {message}',
    'errors.mysql.hostNotAllowed': 'MySQL does not accept connections from this host: {message}',
    'errors.mysql.authPlugin':
      'The MySQL server requires an authentication method the client does not support: {message}',
    'errors.mysql.tooManyConnections': 'MySQL has too many connections: {message}',
    'errors.mysql.connectionLost': 'The connection to MySQL was lost.',
    'errors.mysql.noTls': 'The MySQL server does not support TLS.',
    'errors.mysql.failed': 'MySQL error {code}: {message}',

    'errors.s3.noSuchBucket': 'The bucket does not exist ({name}).',
    'errors.s3.accessDenied': 'The object store refused access ({name}).',
    'errors.s3.invalidAccessKey': 'The object store does not know this access key ({name}).',
    'errors.s3.signatureMismatch': 'The secret key does not match the access key ({name}).',
    'errors.s3.wrongRegion': 'The bucket is in another region or the region is wrong ({name}).',
    'errors.s3.invalidBucketName': 'The bucket name is invalid ({name}).',
    'errors.s3.clockSkew': 'The clock of this machine differs too much from the object store ({name}).',
    'errors.s3.failed': 'The object store answered {name} (HTTP {status}).',

    'errors.file.notFound': 'File not found: {path}',
    'errors.file.permission': 'No permission to read {path}',
    'errors.file.isDirectory': '{path} is a directory, not a file.',
  },
  ja: {
    'errors.unknown': '予期しないエラーが発生しました: {message}',
    'errors.timeout': '{address} から時間内に応答がありませんでした。',
    'errors.aborted': '操作は取り消されました。',
    'errors.validation': '{count} 件の入力エラーがあります: {summary}',

    'errors.check.timeout': 'チェックが制限時間 {seconds} 秒以内に終わらなかったため停止しました。',
    'errors.check.deadline': '全体の制限時間 {seconds} 秒に達したため、チェックを停止しました。',
    'errors.check.cancelled': 'チェックは取り消されました。',
    'errors.check.unknown': '「{id}」という名前のチェックはありません。',
    'errors.check.noCluster': 'クラスターへの接続が設定されていないため、スキップしました。',
    'errors.check.dependencyFailed':
      '先にチェック「{dependency}」が成功する必要があるため、スキップしました。',
    'errors.check.badDependency': 'このチェックが依存する「{dependency}」は存在しないか、循環しています。',
    'errors.check.duplicateId': '同じ ID「{id}」を持つチェックが 2 つあります。',

    'errors.network.refused':
      '{address} に接続を拒否されました。待ち受けているプロセスがないか、ファイアウォールが拒否しています。',
    'errors.network.timeout': '{address} への接続がタイムアウトしました。',
    'errors.network.dns': 'ホスト名 {address} を名前解決できませんでした。',
    'errors.network.reset': '{address} との接続が予期せず切断されました。',
    'errors.network.unreachable': '{address} への経路がありません。',

    'errors.tls.untrusted':
      '{address} の TLS 証明書は信頼された CA によって署名されていません（{code}）。発行元の CA バンドルを指定してください。',
    'errors.tls.selfSigned':
      '{address} の TLS 証明書は自己署名です（{code}）。その証明書を CA バンドルとして指定してください。',
    'errors.tls.hostname': '{address} の TLS 証明書はこのホスト名に対して有効ではありません（{code}）。',
    'errors.tls.expired': '{address} の TLS 証明書は有効期限が切れています（{code}）。',
    'errors.tls.notYetValid':
      '{address} の TLS 証明書はまだ有効になっていません（{code}）。時刻を確認してください。',
    'errors.tls.protocol':
      '{address} との TLS ハンドシェイクに失敗しました（{code}）。HTTPS ではなく HTTP で待ち受けていませんか。',
    'errors.tls.other': '{address} との TLS 通信に失敗しました（{code}）。',

    'errors.kube.unauthorized':
      'API サーバーが kubeconfig の認証情報を受け付けませんでした（401）: {message}',
    'errors.kube.forbidden': 'API サーバーが要求を拒否しました（403）: {message}',
    'errors.kube.notFound': 'クラスター上に見つかりません（404）: {message}',
    'errors.kube.alreadyExists': 'クラスター上に既に存在します（409）: {message}',
    'errors.kube.conflict': 'クラスター上のオブジェクトと競合しました（409）: {message}',
    'errors.kube.invalid': 'API サーバーがオブジェクトを不正として拒否しました（422）: {message}',
    'errors.kube.status': 'API サーバーの応答: {status} {reason}: {message}',
    'errors.kube.noContext': 'kubeconfig に「{context}」という名前のコンテキストがありません。',
    'errors.kube.noCluster': 'kubeconfig のコンテキスト「{context}」にクラスターが指定されていません。',
    'errors.kube.badKubeconfig': 'kubeconfig を読み込めませんでした: {message}',

    'errors.helm.notFound': '{path} に Helm が見つかりません。',
    'errors.helm.notExecutable': '{path} の Helm を実行できません。',
    'errors.helm.failed': 'helm が終了コード {exitCode} で終了しました: {stderr}',
    'errors.helm.timeout': 'helm が時間内に終わらなかったため停止しました。',
    'errors.helm.tls': 'helm がリポジトリの TLS 証明書を検証できませんでした: {stderr}',
    'errors.helm.unauthorized': 'チャートリポジトリが認証情報を受け付けませんでした: {stderr}',
    'errors.helm.forbidden': 'チャートリポジトリがアクセスを拒否しました: {stderr}',
    'errors.helm.chartNotFound': 'チャートまたはそのバージョンが見つかりません: {stderr}',
    'errors.helm.unreachable': 'helm が接続できませんでした: {stderr}',
    'errors.helm.networkTimeout': 'helm の接続がタイムアウトしました: {stderr}',
    'errors.helm.clusterUnreachable': 'helm がクラスターに到達できませんでした: {stderr}',
    'errors.helm.kubeForbidden': 'helm に必要な権限がクラスターで拒否されました: {stderr}',
    'errors.helm.badRepository': 'この URL は有効なチャートリポジトリではありません: {stderr}',
    'errors.helm.outputTooLarge': 'helm の出力が上限を超えました。',
    'errors.helm.stuckRelease':
      '{namespace} の Helm リリース {release} が {status}（リビジョン {revision}）のまま止まっています。helm の実行が途中で停止されました（中止、クラッシュ、または接続の切断）。復旧するまで Helm はこのリリースのインストールもアップグレードも拒否するため、適用はこの手順で失敗します。このリリースに対して現在ほかの helm 操作が実行されていなければ、ウィザードで復旧できます。手動で復旧する場合は {command} を実行してから、もう一度適用してください。（ロールバックは最後の正常なリビジョンに戻します。何もデプロイされていない場合はアンインストールを使い、CRD は残ります。）',
    'errors.helm.crdConflict':
      'Helm 4 が W&B の CRD をインストールできませんでした。CRD のフィールドを最後に書いたのは別のツール（クライアント側の kubectl apply）で、CRD をサーバー側で適用する Helm 4 はそれを自分では引き継ぎません（{stderr}）。オペレーターチャートの CRD（helm pull <オペレーターチャート> --untar）で一度引き継いでから、もう一度適用してください: kubectl apply --server-side --force-conflicts --field-manager=helm -f operator/crds/wandb.yaml 。または Helm 3 でウィザードを実行してください。',
    'errors.helm.operationInProgress':
      'helm が拒否しました。このリリースに対して別の操作が実行中か、中断された helm の実行によって保留状態のまま残っています（{stderr}）。ほかの helm が実行されていなければ、ドライランを実行してください。リリースの復旧方法が表示されます。',

    'errors.registry.missing': '{target} がレジストリにありません。',
    'errors.registry.unauthorized': 'レジストリが {target} の認証情報を受け付けませんでした。',
    'errors.registry.forbidden': 'レジストリが {target} へのアクセスを拒否しました。',
    'errors.registry.tls': '{target} の TLS 検証に失敗しました（{code}）。',
    'errors.registry.unreachable': '{target} のレジストリに接続できません（{code}）。',
    'errors.registry.timeout': '{target} についてレジストリから時間内に応答がありませんでした。',
    'errors.registry.protocol':
      '{target} についてレジストリから想定外の応答がありました（HTTP {status}）: {detail}',
    'errors.chartIndex.invalid': 'チャートリポジトリの index.yaml を読み取れません: {reason}',
    'errors.registry.badReference': '「{reference}」はイメージ参照として正しくありません: {reason}',

    'errors.mysql.accessDenied': 'MySQL がユーザー名またはパスワードを拒否しました: {message}',
    'errors.mysql.databaseAccessDenied': 'この MySQL ユーザーはこのデータベースを使用できません: {message}',
    'errors.mysql.privilegeMissing': 'MySQL ユーザーに必要な権限がありません: {message}',
    'errors.mysql.unknownDatabase': 'MySQL データベースが存在しません: {message}',
    'errors.mysql.hostNotAllowed': 'MySQL はこのホストからの接続を受け付けません: {message}',
    'errors.mysql.authPlugin': 'MySQL サーバーがクライアント未対応の認証方式を要求しています: {message}',
    'errors.mysql.tooManyConnections': 'MySQL の接続数が上限に達しています: {message}',
    'errors.mysql.connectionLost': 'MySQL との接続が切断されました。',
    'errors.mysql.noTls': 'MySQL サーバーが TLS に対応していません。',
    'errors.mysql.failed': 'MySQL エラー {code}: {message}',

    'errors.s3.noSuchBucket': 'バケットが存在しません（{name}）。',
    'errors.s3.accessDenied': 'オブジェクトストレージがアクセスを拒否しました（{name}）。',
    'errors.s3.invalidAccessKey': 'オブジェクトストレージがこのアクセスキーを認識しません（{name}）。',
    'errors.s3.signatureMismatch': 'シークレットキーがアクセスキーと一致しません（{name}）。',
    'errors.s3.wrongRegion': 'バケットが別のリージョンにあるか、リージョンの指定が誤っています（{name}）。',
    'errors.s3.invalidBucketName': 'バケット名が不正です（{name}）。',
    'errors.s3.clockSkew': 'このマシンの時刻がオブジェクトストレージと大きくずれています（{name}）。',
    'errors.s3.failed': 'オブジェクトストレージの応答: {name}（HTTP {status}）。',

    'errors.file.notFound': 'ファイルが見つかりません: {path}',
    'errors.file.permission': '{path} を読み取る権限がありません',
    'errors.file.isDirectory': '{path} はファイルではなくディレクトリです。',
  },
} as const;

/** A message key of this catalogue. */
export type ErrorMessageKey = keyof (typeof errorMessages)['en'];
