import type { MessageKey } from './en';

/**
 * 日本語メッセージ。キーは en.ts と完全に一致させる (過不足があるとコンパイルエラー)。
 * 用語はベンダーの日本語ガイド (エアギャップ環境向けの Kubernetes Operator) に合わせる:
 * 内部コンテナレジストリ、内部 Helm リポジトリ、カスタムリソース (CR)、イメージ、バケット。
 */
export const ja: Record<MessageKey, string> = {
  'config.required': '入力してください。',
  'config.invalid': 'この値は使用できません。',
  'config.invalidType': '値の種類が正しくありません。',
  'config.invalidFormat': '値の形式が正しくありません。',
  'config.invalidOption': '次のいずれかを選択してください: {options}',
  'config.unknownKeys': '不明な設定があります: {keys}',
  'config.tooShort': '{minimum} 文字以上で入力してください。',
  'config.tooLong': '{maximum} 文字以内で入力してください。',
  'config.tooSmall': '{minimum} 以上の値を入力してください。',
  'config.tooLarge': '{maximum} 以下の値を入力してください。',
  'config.tooFewItems': '{minimum} 件以上追加してください。',
  'config.tooManyItems': '{maximum} 件以内にしてください。',
  'config.singleLine': '改行や制御文字は入力できません。',
  'config.kubeconfig.pathAbsolute':
    'ウィザードを動かしているマシン上の kubeconfig ファイルの絶対パスを、/ または ~/ から入力してください（例: /home/ops/.kube/config）。',
  'config.kubeconfig.contentRequired':
    'kubeconfig ファイルをアップロードするか内容を貼り付けてください。または、クラスターへの別の接続方法を選んでください。',
  'config.duplicateKey': 'このキーは {first} 行目ですでに使われています。',
  'config.bucket.credentials.choose':
    'W&B がバケットに認証する方法を選んでください: アクセスキー、またはノードのクラウドロール。',
  'config.bucket.keys.required': 'キーを入力するか、キーの代わりにノードのクラウドロールを選んでください。',
  'config.bucket.keys.withRole':
    'ノードのクラウドロールを選んでいるため、キーは使われません。この欄を空にするか、キーを選んでください。',
  'config.credentials.bothOrNeither': 'ユーザー名とパスワードは両方入力するか、両方とも空にしてください。',
  'config.port.invalid': 'ポート番号は 1〜65535 の範囲で入力してください。',
  'config.name.dnsLabel':
    '英小文字・数字・「-」で、先頭と末尾は英小文字か数字、{maximum} 文字以内で入力してください。',
  'config.name.dnsSubdomain':
    '英小文字・数字・「-」・「.」で、先頭と末尾は英小文字か数字、{maximum} 文字以内で入力してください。',

  'config.registry.host.invalid':
    'レジストリは host[:port][/path] の形式で入力してください（例: registry.example.com:5000/mirror、パスは小文字）。',
  'config.registry.host.scheme':
    'http:// や https:// は付けないでください。HTTP で接続する場合は下のオプションを使います。',
  'config.registry.username.colon': 'レジストリのユーザー名に「:」は使えません。',
  'config.registry.insecureSkipVerify.withPlainHttp': 'HTTP 接続では TLS 検証のスキップは意味を持ちません。',
  'config.registry.caBundle.withPlainHttp': 'HTTP 接続では CA バンドルは使われません。',

  // Bucket.
  'config.bucket.name.scheme':
    's3://、http://、https:// は付けないでください。S3 互換エンドポイントは host:port（例: minio.example.com:9000。平文 HTTP は下のオプション）で、AWS の場合はバケット名を入力してください。',
  'config.bucket.name.slash':
    'ここに「/」は使えません。エンドポイントを host:port（または AWS のバケット名）で入力し、バケット名（フォルダーがあればそれも）は「バケット名またはパス」に入力してください。',
  'config.bucket.name.space': 'バケットまたはエンドポイントに空白は使えません。',
  'config.bucket.name.port':
    '「{port}」はポート番号ではありません。エンドポイントは host:port の形で、ポートを数字で入力してください（例: s3.example.com:9000）。',
  'config.bucket.path.scheme':
    'ここに s3:// は付けないでください。バケット名を、必要なら /フォルダー を続けて入力してください（例: wandb、wandb/prod）。',
  'config.bucket.path.query':
    'パスに「?」は使えません。平文 HTTP を選ばない限り、ウィザードが ?tls=true を自動で付けます。',
  'config.bucket.path.requiredWithEndpoint':
    '上にエンドポイント host:port を入力した場合は、ここにバケット名を入力してください（例: wandb）。',
  'config.bucket.plainHttp.aws':
    'AWS S3 は HTTPS のみです。平文 HTTP は S3 互換エンドポイント（上の host:port）にだけ使えます。',
  'config.bucket.gcs.name.scheme': 'gs:// は付けず、バケット名だけを入力してください（例: wandb-files）。',
  'config.bucket.gcs.name.invalid':
    'GCS のバケット名を入力してください: 小文字、数字、「-」「_」「.」で、先頭と末尾は英数字（3〜63 文字）。',
  'config.bucket.azure.name.url':
    'URL やホスト名ではなく、ストレージアカウント名だけを入力してください（例: wandbstorage）。',
  'config.bucket.azure.name.invalid': 'Azure のストレージアカウント名は小文字と数字の 3〜24 文字です。',
  'config.bucket.azure.path.invalid':
    'Azure のコンテナー名は、小文字、数字、単独のハイフンからなる 3〜63 文字で、先頭と末尾は英数字です。',

  'config.images.repository.invalid':
    'タグを含まないリポジトリを入力してください（例: registry.example.com/mirror/wandb/local、パスは小文字）。',
  'config.images.tag.invalid': 'タグは英数字・「_」・「.」・「-」で 128 文字以内で入力してください。',

  'config.charts.url.invalid': 'リポジトリの URL を https:// または http:// から入力してください。',
  'config.charts.ociUrl.invalid':
    'OCI の参照は oci://host[:port]/path の形式で、チャート名を除いて入力してください。',
  'config.mirror.source.absolute':
    'ウィザードを実行しているマシン上のフォルダーのフルパスを / から入力してください（例: /media/usb/bundle）。',
  'config.mirror.registry.public':
    '空のままにしてください。公開レジストリには匿名で接続し、システムの証明書を信頼します。',
  'config.mirror.platforms.format':
    '送信するプラットフォーム: 「{value}」はプラットフォームではありません。os/アーキテクチャ または os/アーキテクチャ/バリアント の形式で、小文字で入力してください（例: linux/amd64、linux/arm/v7）。',
  'config.mirror.platforms.duplicate':
    '送信するプラットフォーム: {value} が 2 回指定されています。どちらか一方を削除してください。',
  'config.charts.path.tgz': 'チャートのアーカイブ（.tgz）のパスを入力してください。',
  'config.charts.version.invalid': 'バージョンは 0.18.0 のような形式で入力してください。',
  'config.charts.platformVersion.unsupported':
    '0.18.0 より古い operator-wandb には対応していません。対応バージョン: {supported}',
  'config.charts.caBundle.withHttp': 'http:// のリポジトリでは CA バンドルは使われません。',
  'config.charts.plainHttp.withTls':
    'HTTP 接続と TLS の設定（CA バンドル、検証のスキップ）は同時に指定できません。',

  'config.hint.httpsWithoutIngressTls':
    'アドレスは https:// で始まっていますが、Ingress の TLS が無効です（「ネットワーク」ステップ）。W&B は HTTP で応答します。Ingress の TLS を有効にするか、前段のロードバランサーで TLS を終端してください。',
  'config.hint.license.space':
    'ライセンスに空白または改行が含まれています。W&B のライセンスには含まれません。ひと続きでコピーし直してください。',
  'config.hint.password.spaces':
    'このパスワードは空白で始まるか終わっており、その空白もパスワードの一部になります。本当に必要な場合を除き、空白を削除してください。',
  'config.hint.env.quoted':
    '値が引用符（{quote}…{quote}）で囲まれています。引用符も値の一部になります。引用符なしで入力してください。',
  'config.platform.host.invalid':
    '利用者がアクセスする URL を入力してください（例: https://wandb.example.com）。',
  'config.platform.extraEnv.key.invalid': '英字・数字・「_」で、数字以外から始まる名前にしてください。',
  'config.platform.storageClass.invalid':
    'StorageClass には「kubectl get storageclass」が表示する StorageClass の名前を入力してください（英小文字・数字・「-」・「.」で、先頭と末尾は英小文字か数字、{maximum} 文字以内）。クラスターのデフォルトのクラスを使う場合は空欄のままにしてください。',

  'config.mysql.host.invalid': 'ホスト名または IP アドレスを、ポートを付けずに入力してください。',
  'config.mysql.identifier.invalid': '空白、バッククォート、制御文字は使えません。',

  'config.ingress.annotation.key.invalid':
    'アノテーションのキーを入力してください（例: nginx.ingress.kubernetes.io/proxy-body-size）。',
  'config.ingress.tls.privateKey.invalid':
    '暗号化されていない PEM 形式の秘密鍵（BEGIN PRIVATE KEY）を 1 つ貼り付けてください。',
  'config.ingress.tls.keyMismatch': 'この秘密鍵は 1 つ目の証明書に対応していません。',

  'config.certificates.strayText': '{line} 行目は証明書の一部ではありません（ブロック {block} の前）。',
  'config.certificates.notCertificate': 'ブロック {block}（{line} 行目）は証明書ではなく {label} です。',
  'config.certificates.unterminated': 'ブロック {block}（{line} 行目）に END 行がありません。',
  'config.certificates.badEncoding': 'ブロック {block}（{line} 行目）は正しい base64 ではありません。',
  'config.certificates.unparseable': 'ブロック {block}（{line} 行目）は X.509 証明書として読み取れません。',
  'config.certificates.none': '証明書が見つかりません。',
  'config.certificates.expired': 'ブロック {block}（{subject}）は {notAfter} に有効期限が切れています。',
  'config.certificates.notYetValid': 'ブロック {block}（{subject}）は {notBefore} まで有効になりません。',
  'config.certificates.notCA': 'ブロック {block}（{subject}）は CA 証明書ではありません。',

  'generate.note.unverifiedChartVersion':
    'operator-wandb {version} のチャートはまだ読み込まれていません。イメージのキーは情報のある最も近いバージョン（{verified}）のものを使っているため、イメージの一覧が不完全な可能性があります。「チャート」ステップでチャート（.tgz）を指定するか、現地で次のコマンドを実行してすべてのイメージが内部レジストリを指していることを確認してください（wandb.yaml の spec.values を wandb-values.yaml として保存してから実行）: {command}',
  'generate.note.chartDefaultTags':
    'operator-wandb {version}: 次のイメージはチャート既定のタグ "latest" のままです: {images}。固定したバージョンをミラーするには「レジストリ」ステップでタグを指定してください。',
  'generate.note.imageKeysInLists':
    'チャートの次のイメージキーはリストの中にあり、生成される values では書き換えられません。インストール前に確認してください: {keys}',
  'generate.note.secretsInline':
    'operator-wandb {version} はライセンス、MySQL のパスワード、バケットのキーを Secret から参照できないため、wandb.yaml に直接記載しています。',
  'generate.note.pullSecretsIgnored':
    'operator-wandb {version} は pull 用の Secret「{secret}」をすべての Pod に渡しません。ノード側（コンテナランタイムの設定）でレジストリに認証するか、ServiceAccount に Secret を付与してください。',
  'generate.note.nodesTrustRegistry':
    'すべてのノードが {registry} からイメージを取得できる必要があります。コンテナランタイムに CA 証明書または HTTP 接続の設定を行ってください。',
  'generate.note.ociNeedsNewerOperator':
    'operator-wandb を OCI から取得するには、オペレーターのコントローラー {since} 以降が必要です。この設定の {tag} ではチャートを取得できません。「レジストリ」ステップでコントローラーのタグを {since} 以降にする（そしてミラーする）か、HTTP または HTTPS のリポジトリからチャートを提供してください。',
  'generate.note.operatorVerifiesTls':
    'オペレーターはチャートリポジトリの証明書を検証します。その CA 証明書はオペレーターの customCACerts に追加しています。',
  'generate.note.storageClassNotCarried':
    'operator-wandb {version} では次のボリュームを StorageClass {name} に置けません: {volumes}。このバージョンのクラスター内 MySQL のテンプレートはクラスを指定すると描画に失敗する（{since} で修正）ため、ウィザードはクラスを指定せず、そのボリュームはクラスターのデフォルトのクラスを使います。データベースをデフォルトのクラスに置かないためには、operator-wandb {since} 以降か外部の MySQL を使ってください。',
  'generate.note.localChartConfigMap':
    'operator-wandb のアーカイブは、Namespace {namespace} の ConfigMap「wandb-charts」として配置します。',

  'generate.secretField.license': 'W&B のライセンス',
  'generate.secretField.mysqlPassword': 'MySQL のパスワード',
  'generate.secretField.bucketAccessKey': 'バケットのアクセスキー',
  'generate.secretField.bucketSecretKey': 'バケットのシークレットキー',
  'generate.secretField.registryPassword': 'レジストリのパスワード',
  'generate.secretField.chartPassword': 'チャートリポジトリのパスワード',
  'generate.secretField.tlsPrivateKey': 'Ingress の TLS 秘密鍵',

  'generate.secrets.header':
    'W&B のインストールで使う Secret です。server-side apply で適用し、適用後はこのファイルを削除してください。',
  'generate.secrets.placeholders':
    '値はプレースホルダー（REPLACE_WITH_…）です。手元のコピーで実際の値に置き換えてから適用してください。',
  'generate.secrets.none': 'この構成では Secret は必要ありません。',

  'generate.runbook.title':
    'インターネットに接続できない環境への W&B のインストール（{namespace} の {name}）',
  'generate.runbook.intro':
    'クラスターにアクセスできるシェルで、以下のコマンドを順に実行してください。プラットフォームのチャートは operator-wandb {version}（イメージのキーは {line}.x 系）、イメージは {registry} から取得します。',
  'generate.runbook.notes': '作業の前に',
  'generate.runbook.placeholder': 'プレースホルダー',
  'generate.runbook.value': '置き換える値',
  'generate.runbook.prompt': '{label}：',
  'generate.runbook.operatorChartPassword': 'オペレーターのチャートの取得元のパスワード',
  'generate.runbook.filledBy': '下のコマンドで入力する場合',
  'generate.runbook.filledBy.prompt': 'プロンプト「{prompt}」で入力（${variable}）',
  'generate.runbook.filledBy.tlsKey': 'tls.crt と同じ場所に置くファイル tls.key',
  'generate.runbook.prerequisites.title': 'ツールと権限の確認',
  'generate.runbook.prerequisites.body':
    'Kubernetes 1.28 以上と Helm 3 以上が必要です。オペレーターのインストールでは CRD を作成するため、cluster-admin 相当の権限が必要です。',
  'generate.runbook.prerequisites.storageClass':
    'Redis、Prometheus、クラスター内の MySQL のボリュームは StorageClass {name} に作成されます。このクラスが存在し（kubectl get storageclass {name}）、プロビジョナーが動作している必要があります。',
  'generate.runbook.images.title': 'イメージのミラー',
  'generate.runbook.services.title': 'MySQL とバケットの確認',
  'generate.runbook.services.body':
    'ウィザードのチェックが確認する内容を手作業で確認します。クラスターと同じようにこれらに接続でき、クライアント（mysql、aws、gcloud または az）があるマシンで実行してください。データベースが応答し、ユーザーの権限がデータベースに及ぶこと、バケットが存在し、認証情報で読み取れることを確認します。各コマンドはパスワードを尋ねるか、クライアント自身のログインを使います。ここで失敗すると、後でプラットフォームが失敗します。',
  'generate.runbook.images.body':
    '内部コンテナレジストリ {registry} に、images.txt に記載した {count} 件のイメージ（取得元と配置先）が、記載どおりのタグで必要です。生成した values はこのタグを使います。手順書のタグや、別のチャートバージョン用に作ったバンドルのタグとは異なることがあります。ミラーは 2 段階で行います。インターネットに接続できるマシンで、ベンダーの `wsm download` でバンドルを作成します（そのマシンから {registry} にも接続できる場合は、`bash mirror-images.sh skopeo` で直接コピーできます）。サイトでは、ウィザードの「ミラー」ステップが Docker なしでバンドルを push します。または bundle/images/*/image.tgz をそれぞれ `docker load` してから `bash mirror-images.sh docker` を実行します（レジストリの CA を Docker に渡す方法も表示します）。最後に `bash mirror-images.sh verify` で、まだ足りないイメージを一覧できます。',
  'generate.runbook.charts.title': 'Helm のチャート取得元の設定',
  'generate.runbook.charts.repo':
    '内部 Helm リポジトリ {url} を「{name}」として追加します。オペレーターは後の手順で「{name}/operator」からインストールします。',
  'generate.runbook.charts.oci': 'チャートを保持している OCI レジストリ（{url}）にログインします。',
  'generate.runbook.charts.local': 'オペレーターのチャートはアーカイブ {path} からインストールします。',
  'generate.runbook.charts.platformFetchedByOperator':
    'operator-wandb {version} はオペレーター自身が {url} から取得するため、このシェルでの作業はありません。',
  'generate.runbook.namespaces.title': 'Namespace の作成',
  'generate.runbook.namespaces.body': 'Secret は、それを使う Pod より先に作成しておく必要があります。',
  'generate.runbook.secrets.title': 'Secret の作成',
  'generate.runbook.secrets.included':
    'secrets.yaml には実際の値が入っています。適用した後、ファイルを削除してください。',
  'generate.runbook.secrets.placeholders':
    'secrets.yaml には秘密情報の代わりにプレースホルダーが入っています。手元のコピーで置き換えて適用するか、',
  'generate.runbook.secrets.commands':
    'プロンプトで値を入力して Secret を 1 つずつ作成してください（ディスクにもシェルの履歴にも残りません）。',
  'generate.runbook.secrets.tlsKeyFile':
    'TLS の Secret {name} は、このバンドルの tls.crt と、その証明書の秘密鍵から作成します。秘密鍵は tls.crt と同じ場所に tls.key として置き、作成後に削除してください。',
  'generate.runbook.tls.title': 'Ingress の証明書の確認',
  'generate.runbook.tls.created':
    'Ingress は {namespace} の Secret {name}（上の手順で作成）の証明書で {host} を配信します。TLS の Secret であること、証明書の名前に {host} が含まれること、有効期限が切れていないことを確認します（期限切れの場合、最後のコマンドが失敗します）。',
  'generate.runbook.tls.existing':
    'Ingress は {namespace} の Secret {name} の証明書で {host} を配信します。このバンドルはこの Secret を作成しません。まだ存在しない場合は、証明書（tls.crt）とその秘密鍵（tls.key）から作成してください。',
  'generate.runbook.tls.check':
    '続いて、TLS の Secret であること、証明書の名前に {host} が含まれること、有効期限が切れていないことを確認します（期限切れの場合、最後のコマンドが失敗します）。',
  'generate.runbook.chartConfigMap.title': 'プラットフォームのチャートの配置',
  'generate.runbook.chartConfigMap.body':
    'オペレーターは {namespace} の ConfigMap「wandb-charts」（/charts にマウント）から operator-wandb を読み込みます。{path} を base64 に変換して格納します。',
  'generate.runbook.operator.title': 'オペレーターのインストール',
  'generate.runbook.operator.body':
    'values.yaml（airgapped: true）を使って W&B Operator と CRD を {namespace} にインストールし、起動を待ちます。',
  'generate.runbook.operator.newest':
    'オペレーターのチャートのバージョンが指定されていません。最初のコマンドで取得元にある最新のバージョンを調べ、インストールではそのバージョンを固定します（${variable}）。表示されたバージョンを控えてください。この手順書に固定するには、ウィザードの「チャート」ステップで入力します。',
  'generate.runbook.operator.pinned': 'オペレーターのチャートはバージョン {version} に固定しています。',
  'generate.runbook.platform.title': 'プラットフォームのデプロイ',
  'generate.runbook.platform.placeholders':
    'wandb.yaml には秘密情報の代わりにプレースホルダーが入っています。先に置き換えてください。',
  'generate.runbook.platform.body':
    '{namespace} にカスタムリソース {name} を適用します。オペレーターが operator-wandb をインストールします。フェーズが「Completed」になれば Helm の適用は完了で、その後 Deployment が利用可能になります。',
  'generate.runbook.verify.title': 'プラットフォームの確認',
  'generate.runbook.verify.body': 'ブラウザーで {host} を開き、サインインできることを確認します。',
  'generate.runbook.troubleshooting.title': '起動しない場合',
  'generate.runbook.troubleshooting.body':
    'CR のイベント、オペレーターのログ、起動していない Pod を見ると、たいてい原因（レジストリにないイメージ、誤ったパスワード、信頼されていない証明書など）がわかります。',
  'generate.runbook.rollback.title': 'ロールバック',
  'generate.runbook.rollback.operator':
    'Helm は {namespace} のオペレーターのリリースのリビジョンをすべて保持しています。一覧を確認し、1 つ前のリビジョンに戻します（それより前に戻す場合は「operator」の後にリビジョン番号を付けます）。',
  'generate.runbook.rollback.platform':
    'プラットフォームのリリースはオペレーターが管理しています。以前の設定や以前の operator-wandb のバージョンに戻すには、そのときの wandb.yaml を再度適用してください（「プラットフォームのデプロイ」の手順）。オペレーターが {name} をその内容に合わせます。',
  'generate.runbook.uninstall.title': 'アンインストール',
  'generate.runbook.uninstall.body':
    '先に {namespace} のカスタムリソース {name} を削除します。オペレーターがプラットフォームのリリースをアンインストールした後、リソースが削除されます。続いてオペレーターをアンインストールし、この手順書で作成した Secret を削除します。',
  'generate.runbook.uninstall.stuck':
    '待機が終わっても {name} が残っている場合、オペレーターはプラットフォームのリリースをアンインストールできていません。オペレーターはアンインストールのためにチャートをダウンロードしますが、少なくとも v1.22.0 までのオペレーターはその際に spec.chart.credentialSecret のリポジトリの認証情報を読みません。リリースを自分でアンインストールしてリソースを解放し、上の「helm uninstall operator」から続けてください。',
  'generate.runbook.uninstall.kept':
    'CRD {crd}、Namespace、MySQL のデータベース、バケットは残ります。プラットフォームのチャートが「helm.sh/resource-policy: keep」を付けた Secret（セッションキーなど）も残り、再インストール時に再利用されます。CRD を削除するとクラスター内のすべての W&B リソースが削除されるため、リソースが残っていない場合にだけ削除してください。',

  'generate.import.syntax': 'YAML の {line} 行目 {column} 文字目にエラーがあります: {reason}',
  'generate.import.notMapping': 'ドキュメントが YAML のマッピングではありません。',
  'generate.import.wrongKind': 'WeightsAndBiases リソースを想定していましたが、{kind} でした。',
};
