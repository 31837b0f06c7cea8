import type { UiMessageKey } from './ui.en';

/**
 * 画面の日本語テキスト (`ui.` キー)。キーは ui.en.ts と完全に一致させる (過不足はコンパイルエラー)。
 * 用語はベンダーの日本語ガイドに合わせる: 内部コンテナレジストリ、内部 Helm リポジトリ、
 * カスタムリソース (CR)、イメージ、バケット。
 */
export const uiJa: Record<UiMessageKey, string> = {
  // 枠
  'ui.app.title': 'W&B エアギャップ環境インストールウィザード',
  'ui.app.description':
    'インターネットに接続できない Kubernetes クラスターに Weights & Biases をデプロイします。',
  'ui.app.skipToContent': '本文へスキップ',
  'ui.app.language': '表示言語',
  'ui.boundary.title': '問題が発生しました',
  'ui.boundary.stepTitle': 'このステップを表示できませんでした',
  'ui.boundary.text':
    '下書きはサーバーに保存されています。もう一度お試しください。解決しない場合は、下の参照番号でサーバーログを確認してください。',
  'ui.boundary.digest': '参照番号: {digest}',
  'ui.boundary.retry': '再試行',
  'ui.notFound.title': 'ページが見つかりません',
  'ui.notFound.text': 'このアドレスにはページがありません。',
  'ui.notFound.back': '最初のステップへ',
  'ui.error.badRequest': 'リクエストを処理できませんでした。ページを再読み込みして、もう一度お試しください。',
  'ui.error.noSession':
    'ブラウザーから下書きの Cookie が送られていません。ページを再読み込みしてください（このサイトの Cookie を許可する必要があります）。',
  'ui.error.unreachable':
    'ウィザードのサーバーが応答しません。サーバーが起動しているか確認して、もう一度お試しください。',

  // ステップ
  'ui.stepper.label': 'ステップ',
  'ui.stepper.errors': '要修正 {count} 件',
  'ui.stepper.notAvailable': '未対応',
  'ui.step.start.title': '開始',
  'ui.step.start.lead': '新しくインストールを始めるか、既存の wandb.yaml と values.yaml をインポートします。',
  'ui.step.mirror.title': 'ミラー（省略可）',
  'ui.step.mirror.lead':
    'W&B のイメージを Docker なしで内部コンテナレジストリに送信します。取得元は、このマシン上の wsm download バンドルやイメージのアーカイブ、または別のレジストリです。',
  'ui.step.prerequisites.title': '前提条件',
  'ui.step.prerequisites.lead':
    'Kubernetes 1.28 以上、Helm 3 以上、内部コンテナレジストリと内部 Helm リポジトリへのアクセスが必要です。',
  'ui.step.registry.title': 'レジストリとイメージ',
  'ui.step.registry.lead':
    'W&B のイメージを格納した内部コンテナレジストリと、各コンポーネントがそこから取得するイメージを設定します。',
  'ui.step.charts.title': 'チャート',
  'ui.step.charts.lead': 'operator チャートと operator-wandb チャートの取得元とバージョンを設定します。',
  'ui.step.platform.title': 'プラットフォーム',
  'ui.step.platform.lead': 'W&B プラットフォームの URL とライセンス、インストール先を設定します。',
  'ui.step.storage.title': 'ストレージ',
  'ui.step.storage.lead':
    'Run のファイルやアーティファクトを保存するオブジェクトストレージのバケットを設定します。',
  'ui.step.database.title': 'データベース',
  'ui.step.database.lead': 'プラットフォームが使う MySQL データベースを設定します。',
  'ui.step.network.title': 'ネットワーク',
  'ui.step.network.lead':
    'プラットフォームを公開する Ingress、その TLS 証明書、社内サービスの CA 証明書を設定します。',
  'ui.step.review.title': '確認',
  'ui.step.review.lead':
    '入力内容から生成したファイルです。この画面ではシークレットを伏せて表示します。ダウンロードはプレースホルダー入り、または指定した場合のみ実際の値入りです。',
  'ui.step.apply.title': '適用',
  'ui.step.apply.lead': 'オペレーターとカスタムリソースをクラスターに適用します。',
  'ui.nav.back': '戻る',
  'ui.nav.next': '次へ',
  'ui.nav.stepHasErrors':
    'このステップには修正が必要な項目が {count} 件あります。最初の項目にフォーカスを移動しました。',

  // 下書き
  'ui.draft.keepSecrets': 'シークレットをこのマシンに保存する',
  'ui.draft.keepSecretsOff':
    '入力したシークレットはウィザードのサーバーのメモリーにだけ保持され、サーバーを再起動すると失われます。シークレットはディスクに書き込まれません。',
  'ui.draft.keepSecretsOn':
    'シークレットをこのマシンのウィザード用データフォルダーに書き込みます（所有者だけが読めるファイル）。再起動後も残ります。',
  'ui.draft.saving': '下書きを保存しています…',
  'ui.draft.saved': '下書きを保存しました。',
  'ui.draft.saveFailed':
    '下書きを保存できませんでした。入力内容はこのページに残っており、次の変更時に保存します。',

  // 入力項目共通
  'ui.field.required': '必須',
  'ui.field.example': '例',
  'ui.field.uploadPem': '{field}をファイルから読み込む',
  'ui.secret.show': '表示',
  'ui.secret.hide': '隠す',
  'ui.secret.stored': 'サーバーに保存済みです。入力すると置き換えます。',
  'ui.secret.storedPlaceholder': '保存済み — 入力すると置き換え',
  'ui.secret.forget': '削除する',

  // 開始
  'ui.start.mode.legend': 'どの方法で始めますか？',
  'ui.start.mode.new': '新規インストール',
  'ui.start.mode.newHelp': '各ステップに回答します。既定値はベンダーの手順に沿っています。',
  'ui.start.mode.import': '既存の wandb.yaml と values.yaml をインポート',
  'ui.start.mode.importHelp': '以前のインストールのファイルから全ステップを埋めます。',
  'ui.start.mode.cluster': 'クラスターから読み込む',
  'ui.start.mode.clusterHelp': 'クラスターで稼働中のインストールの設定を取り込みます。',
  'ui.start.cluster.legend': 'クラスターからインストールを読み込む',
  'ui.start.cluster.hint':
    'ウィザードを実行しているマシンの kubeconfig（KUBECONFIG、なければ ~/.kube/config）を使って WeightsAndBiases リソースを読み込みます。オペレーターの values.yaml は読み込みません。イメージの設定が必要な場合はファイルとしてインポートしてください。',
  'ui.start.cluster.run': 'クラスターから読み込む',
  'ui.start.cluster.running': '読み込んでいます…',
  'ui.start.cluster.read': 'クラスターから {resource} を読み込みました。',
  'ui.start.cluster.none': 'クラスターに WeightsAndBiases リソースがありません。',
  'ui.start.cluster.noKubeconfig':
    'ウィザードはクラスターに接続していません（このマシンに kubeconfig（KUBECONFIG または ~/.kube/config）がありません）。「プラットフォーム」ステップの「クラスターへの接続」で kubeconfig ファイルを指定するかアップロードしてから戻るか、リソースを書き出して（kubectl get weightsandbiases wandb -o yaml > wandb.yaml）インポートしてください。',
  'ui.start.new.fresh': '「次へ」を押すとレジストリの設定から始まります。',
  'ui.start.new.existing':
    'このブラウザーの下書きが保存されています。「次へ」で続きから再開するか、最初からやり直してください。',
  'ui.start.new.reset': '最初からやり直す',
  'ui.start.new.confirmReset': '保存済みの下書きとシークレットを破棄して、既定値から始めますか？',
  'ui.start.new.resetDone': '下書きを既定値に戻しました。',
  'ui.start.import.legend': 'インポートするファイル',
  'ui.start.import.hint':
    'カスタムリソース（wandb.yaml）とオペレーターチャートの values（values.yaml）を貼り付けるか読み込んでください。どちらか一方だけでも構いません。含まれるシークレットはサーバーに保存され、再表示されません。',
  'ui.start.import.wandbYaml': 'wandb.yaml（WeightsAndBiases カスタムリソース）',
  'ui.start.import.valuesYaml': 'values.yaml（オペレーターチャートの values）',
  'ui.start.import.upload': '{file} をファイルから読み込む',
  'ui.start.import.run': 'インポート',
  'ui.start.import.running': 'インポートしています…',
  'ui.start.import.done':
    '{count} 件の設定をインポートしました。各ステップを確認してから、確認ステップに進んでください。',
  'ui.start.import.unknown': '解釈できなかった設定が {count} 件あります（取り込んでいません）:',

  // レジストリとイメージ
  'ui.registry.legend': '内部コンテナレジストリ',
  'ui.registry.login.legend': 'ログイン',
  'ui.registry.login.toggle': 'レジストリにユーザー名とパスワードが必要',
  'ui.registry.tls.legend': '接続のセキュリティ',
  'ui.field.mirror.source': 'ソースフォルダー',
  'ui.help.mirror.source':
    'ウィザードを実行しているマシン上の、wsm download バンドル（images/、charts/、spec.yaml を含むフォルダー、またはその親フォルダー）か、docker save / OCI レイアウトのアーカイブ（.tar、.tar.gz）を置いたフォルダーのフルパスです。このステップを省略する場合は空のままにします。',
  'ui.field.mirror.platforms': '送信するプラットフォーム',
  'ui.help.mirror.platforms':
    'イメージインデックスには、プラットフォームごとのイメージが含まれます。多くのサイトでは 1 つ（linux/amd64）だけを使います。ノードが使うプラットフォームだけを送信すると、ノードが取得しないレイヤーを送らずに済みます。単一プラットフォームのイメージは、プラットフォームにかかわらず送信します。',
  'ui.field.mirror.platforms.all': '各イメージのすべてのプラットフォーム（コピー元のとおり）',
  'ui.field.mirror.platforms.some': '下でチェックしたプラットフォームのみ',
  'ui.field.mirror.from': 'イメージの取得元',
  'ui.field.mirror.from.folder': 'このマシン上のバンドルまたはフォルダー',
  'ui.field.mirror.from.registry': '別のレジストリ（このマシンから両方に接続できる場合）',
  'ui.mirror.registry.legend': 'コピー元のレジストリ',
  'ui.field.mirror.registry.public':
    '各イメージの公開レジストリ（docker.io、quay.io など）：インターネットに接続できるマシン',
  'ui.help.mirror.registry.public':
    '各イメージを公開の参照から匿名で読み取ります。証明書はシステムのものを信頼します。',
  'ui.field.mirror.registry.host': 'コピー元レジストリのアドレス',
  'ui.help.mirror.registry.host':
    'ホスト、任意のポート、任意のパスプレフィックスを https:// なしで入力します。イメージは内部レジストリと同じく公開ホストを除いたパスで置かれています。docker.io/wandb/local:0.62.2 は <アドレス>/wandb/local:0.62.2 から読み取ります（wsm registry mirror とこのウィザードが書き込む形です）。',
  'ui.mirror.registry.login.toggle': 'コピー元のレジストリにユーザー名とパスワードが必要',
  'ui.help.mirror.registry.username': 'コピー元のレジストリからイメージを取得できるアカウントです。',
  'ui.field.mirror.registry.plainHttp': 'コピー元のレジストリは HTTP（TLS なし）で接続する',
  'ui.help.mirror.registry.plainHttp': 'TLS のないレジストリの場合のみ指定します。',
  'ui.field.mirror.registry.insecureSkipVerify': 'コピー元のレジストリの TLS 証明書を検証しない',
  'ui.field.mirror.registry.caBundle': 'コピー元のレジストリの CA 証明書（PEM）',
  'ui.field.mirror.registry.username': 'コピー元レジストリのユーザー名',
  'ui.field.mirror.registry.password': 'コピー元レジストリのパスワード',
  'ui.help.mirror.registry.password':
    'そのアカウントのパスワードまたはアクセストークンです。ほかのパスワードと同じくサーバーのメモリにのみ保持し、表示もログ出力もしません。',
  'ui.help.mirror.registry.insecureSkipVerify': '推奨しません。代わりに下の CA 証明書を指定してください。',
  'ui.help.mirror.registry.caBundle':
    'コピー元のレジストリの証明書がプライベート CA で署名されている場合に必要です。PEM 形式の証明書を 1 つ以上貼り付けます。',
  'ui.field.registry.host': 'レジストリのアドレス',
  'ui.help.registry.host':
    'イメージのミラー先のホスト、ポート（省略可）、パスのプレフィックス（省略可）を https:// なしで指定します。公開イメージのパスはそのまま引き継がれます: docker.io/wandb/local は <アドレス>/wandb/local になります。',
  'ui.field.registry.username': 'ユーザー名',
  'ui.help.registry.username':
    'W&B のイメージを pull できるアカウントです。両方の Namespace にイメージプルシークレットとして作成されます。',
  'ui.field.registry.password': 'パスワード',
  'ui.help.registry.password': 'そのアカウントのパスワードまたはアクセストークンです。',
  'ui.field.registry.pullSecretName': 'イメージプルシークレットの名前',
  'ui.help.registry.pullSecretName':
    'レジストリのログイン情報用に作成する kubernetes.io/dockerconfigjson 型 Secret の名前です。',
  'ui.field.registry.plainHttp': 'レジストリは HTTP（TLS なし）で接続する',
  'ui.help.registry.plainHttp':
    'TLS のないレジストリの場合のみ選択してください。ノードのコンテナランタイム側でも許可する設定が必要です。',
  'ui.field.registry.insecureSkipVerify': 'レジストリの TLS 証明書を検証しない',
  'ui.help.registry.insecureSkipVerify': '推奨しません。代わりに下の CA 証明書を指定してください。',
  'ui.field.registry.caBundle': 'レジストリの CA 証明書（PEM）',
  'ui.help.registry.caBundle':
    'レジストリの証明書がプライベート CA で署名されている場合に必要です。PEM 形式の証明書を 1 つ以上貼り付けてください。',
  'ui.images.legend': 'イメージ',
  'ui.images.hint':
    'operator-wandb {version}（{line} 系）が pull するイメージと、それぞれの取得元です。バージョンは次のステップで選択します。',
  'ui.images.noLine':
    'チャートのバージョン「{version}」には対応していません。チャートのステップでバージョンを選ぶとイメージが表示されます。',
  'ui.images.caption': '公開イメージと、実際に pull する内部イメージ',
  'ui.images.source': '公開イメージ',
  'ui.images.target': 'pull するイメージ',
  'ui.images.needed': '必要',
  'ui.images.neededYes': 'はい',
  'ui.images.neededNo': 'クラスター内 MySQL の場合のみ',
  'ui.images.overrides': 'リポジトリやタグを個別に変更する',
  'ui.images.overridesHint':
    '空欄の場合は上の規則と既定のタグ（手順の wsm list）を使います。タグはすべて内部コンテナレジストリに存在している必要があります。',
  'ui.field.images.repository': 'リポジトリ',
  'ui.help.images.repository':
    'タグを除いた内部リポジトリのフルパスです。レジストリで名前を平坦化している場合などに指定します。',
  'ui.field.images.tag': 'タグ',
  'ui.help.images.tag': '内部コンテナレジストリにあるタグです。',

  // チャート
  'ui.charts.operator.legend': 'オペレーターのチャート（operator）',
  'ui.charts.read.run': 'チャートを読み込む',
  'ui.charts.read.running': 'チャートを読み込んでいます…',
  'ui.charts.read.done':
    'operator-wandb {version}（{digest}…）を読み込みました: イメージキー {keys} 件、既定のインストールで起動するイメージ {started} 件。生成されるファイルはこのチャートに従います。',
  'ui.charts.read.testHooks': 'Helm のテストフック（インストールでは起動しません）: {hooks}。',
  'ui.charts.read.notRead':
    'operator-wandb {version} のチャートはまだ読み込まれていません。イメージキーは情報のある最も近いバージョンのものを使うため、イメージの一覧が不完全な可能性があります。ここでチャートを読み込む（上の取得元から取得するか、ローカルの .tgz を開きます）か、現地で Runbook の helm template コマンドで確認してください。',
  'ui.charts.read.incomplete': '先にチャートの取得元とバージョンを入力してください。',
  'ui.charts.read.noHelm': 'ウィザードのマシンに helm が見つからないため、チャートを読み込めません。',
  'ui.charts.read.wrongChart':
    'これは {expected} ではなく {name} のチャートです。{expected} のアーカイブを選んでください。',
  'ui.charts.upload.label':
    'または、このコンピューター上のチャートのアーカイブ（.tgz、例: wsm download の bundle/charts/）を読み込む',
  'ui.charts.upload.empty': '選んだファイルは空です。operator-wandb の .tgz を選んでください。',
  'ui.charts.upload.tooLarge':
    'ファイルが {max} を超えています。チャートのアーカイブはずっと小さいはずです。operator-wandb の .tgz を選んでください。',
  'ui.charts.read.notAChart': 'チャートのアーカイブではありません: {reason}',
  'ui.charts.platform.legend': 'プラットフォームのチャート（operator-wandb）',
  'ui.charts.sameAsOperator': 'オペレーターのチャートと同じリポジトリ',
  'ui.charts.sameAsOperator.done': 'オペレーターのチャートのリポジトリ設定をここにコピーしました。',
  'ui.charts.sameAsOperator.password':
    'リポジトリ設定をコピーしました。オペレーターのチャートのパスワードはサーバーに保存されているためコピーできません。ここにもう一度入力してください。',
  'ui.charts.kind.repo': 'Helm リポジトリ',
  'ui.charts.kind.repoHelp': 'HTTP または HTTPS で index.yaml を公開するリポジトリ（helm repo add）。',
  'ui.charts.kind.oci': 'OCI レジストリ',
  'ui.charts.kind.ociHelp': 'レジストリに push したチャート（oci://）。',
  'ui.charts.kind.local': 'チャートファイル',
  'ui.charts.kind.localHelp': 'wsm でダウンロードした .tgz（コマンドを実行するマシン上）。',
  'ui.field.charts.kind': 'チャートの取得元',
  'ui.help.charts.operatorKind': 'Helm はここからオペレーターをインストールします（手順のステップ 4 と 5）。',
  'ui.help.charts.platformKind': 'オペレーター自身がクラスター内からここにある operator-wandb を取得します。',
  'ui.field.charts.url': 'リポジトリの URL',
  'ui.help.charts.url': 'helm repo add に指定する URL です。',
  'ui.field.charts.repoName': 'リポジトリの別名',
  'ui.help.charts.repoName':
    'helm repo add で付けるローカル名です。手順書では <別名>/operator をインストールします。',
  'ui.help.charts.platformRepoName':
    'ウィザードが helm でチャートを読み込むときのリポジトリのローカル名です（helm repo add）。operator-wandb はオペレーター自身が URL から取得するため、カスタムリソースにはこの別名ではなく URL が入ります。',
  'ui.field.charts.ociUrl': 'OCI 参照',
  'ui.help.charts.ociUrl': 'oci://ホスト[:ポート]/パス の形式です。チャート名は末尾に付加されます。',
  'ui.field.charts.plainHttp': 'レジストリは HTTP（TLS なし）で接続する',
  'ui.help.charts.plainHttp': 'helm に --plain-http を渡します。',
  'ui.field.charts.username': 'ユーザー名',
  'ui.help.charts.username': 'ログイン不要のリポジトリでは空欄にしてください。',
  'ui.field.charts.password': 'パスワード',
  'ui.help.charts.password': 'そのユーザーのパスワードまたはトークンです。',
  'ui.field.charts.insecureSkipVerify': 'リポジトリの TLS 証明書を検証しない',
  'ui.help.charts.insecureSkipVerify': '推奨しません。代わりに下の CA 証明書を指定してください。',
  'ui.field.charts.caBundle': 'リポジトリの CA 証明書（PEM）',
  'ui.help.charts.caBundle': 'リポジトリの証明書がプライベート CA で署名されている場合に必要です。',
  'ui.field.charts.path': 'チャートファイルのパス',
  'ui.help.charts.operatorPath': 'helm を実行するマシン上の operator の .tgz のパスです。',
  'ui.help.charts.platformPath':
    'operator-wandb の .tgz のパスです。オペレーターが読み込む ConfigMap wandb-charts に格納します（spec.chart.path）。',
  'ui.field.charts.version': 'チャートのバージョン',
  'ui.help.charts.operatorVersion': '空欄の場合、リポジトリにある最新バージョンを使います。',
  'ui.help.charts.platformVersion':
    '0.18.x 系または 0.43.x 系の正確なバージョンです。イメージのキーはバージョンによって異なります。',

  // プラットフォーム
  'ui.platform.legend': 'W&B プラットフォーム',
  'ui.field.platform.host': 'プラットフォームの URL',
  'ui.help.platform.host':
    'ユーザーがアクセスするアドレスです（global.host）。https:// または http:// から入力してください。',
  'ui.field.platform.license': 'ライセンス',
  'ui.help.platform.license': 'W&B から提供されたライセンス文字列です（global.license）。',
  'ui.field.platform.extraEnv': '追加の環境変数',
  'ui.help.platform.extraEnv': 'W&B のすべてのコンテナに追加されます（global.extraEnv）。',
  'ui.field.platform.extraEnv.key': '変数名（{index} 行目）',
  'ui.field.platform.extraEnv.value': '値（{index} 行目）',
  'ui.field.platform.extraEnv.add': '変数を追加',
  'ui.field.platform.extraEnv.remove': '{index} 行目を削除',
  'ui.target.legend': 'インストール先',
  'ui.target.hint':
    '手順では、オペレーターを Namespace wandb に、カスタムリソース wandb を default にインストールします。',
  'ui.field.target.operatorNamespace': 'オペレーターの Namespace',
  'ui.help.target.operatorNamespace': 'オペレーターの Helm リリースの Namespace です（helm -n）。',
  'ui.field.target.crName': 'カスタムリソースの名前',
  'ui.help.target.crName':
    'WeightsAndBiases リソースの名前で、プラットフォームの Helm リリース名にもなります（53 文字以内）。',
  'ui.field.target.crNamespace': 'カスタムリソースの Namespace',
  'ui.help.target.crNamespace': 'WeightsAndBiases リソースとプラットフォームの Namespace です。',
  'ui.field.platform.storageClass': 'ボリュームの StorageClass',
  'ui.help.platform.storageClass':
    'プラットフォームが要求するボリューム（Redis、Prometheus、クラスター内で動かす場合は MySQL）の StorageClass です。空欄の場合はクラスターのデフォルトのクラスを使います。クラスターに接続すると、そのクラスを候補として表示します。',
  'ui.field.platform.storageClass.default': '{name}（クラスターのデフォルト）',
  'ui.field.target.kubeContext': 'kubeconfig のコンテキスト',
  'ui.help.target.kubeContext': '空欄の場合は現在のコンテキストを使います。',
  'ui.summary.title': '設定の一覧',
  'ui.summary.set': '設定済み',
  'ui.summary.notSet': '未設定',
  'ui.summary.plainHttp': 'HTTP（暗号化なし）',
  'ui.summary.noVerify': '証明書を検証しない',
  'ui.summary.ownCa': '指定した CA で検証',
  'ui.summary.newest': '（最新）',
  'ui.summary.defaultClass': 'クラスターのデフォルトのクラス',
  'ui.summary.noTls': 'Ingress の TLS なし',
  'ui.cluster.legend': 'クラスターへの接続',
  'ui.cluster.hint':
    'チェック、クラスターから読み込む候補、適用のときに、ウィザードがクラスターへ接続する方法です。適用するまでクラスターには何も書き込みません。',
  'ui.field.target.kubeconfig.source': 'kubeconfig',
  'ui.cluster.source.server': 'このマシンの kubeconfig',
  'ui.cluster.source.server.help': 'ウィザードを動かしているマシンの KUBECONFIG、なければ ~/.kube/config',
  'ui.cluster.source.path': 'このマシン上のファイル',
  'ui.cluster.source.path.help': 'ウィザードを動かしているマシン上の kubeconfig ファイル',
  'ui.cluster.source.upload': 'アップロードまたは貼り付け',
  'ui.cluster.source.upload.help':
    'パスワードと同じく扱います。再表示せず、シークレットを保存する設定にしない限りディスクに書き込みません',
  'ui.field.target.kubeconfig.path': 'kubeconfig ファイルのパス',
  'ui.help.target.kubeconfig.path':
    'ブラウザーのパソコンではなく、ウィザードを動かしているマシン上のパスです。',
  'ui.field.target.kubeconfig.content': 'kubeconfig',
  'ui.help.target.kubeconfig.content':
    'kubectl config view --minify --flatten --context <名前> で、証明書を含む 1 コンテキスト分の kubeconfig を出力できます。',
  'ui.field.uploadFile': '{field}をファイルから読み込む',
  'ui.cluster.context.current': '現在のコンテキスト（{name}）',
  'ui.cluster.context.currentNone': '現在のコンテキスト',
  'ui.cluster.context.unknown': '{name}（この kubeconfig にはありません）',
  'ui.cluster.context.option': '{name} — {server}',
  'ui.cluster.test': '接続して権限を確認',
  'ui.cluster.testing': '接続しています…',
  'ui.cluster.notTested': 'まだ接続していません。',
  'ui.cluster.missing':
    '{where} に kubeconfig がないため、ウィザードはクラスターに接続していません。このマシン上のファイルを指定するか、kubeconfig をアップロードしてください。クラスターに接続せずに進み、「確認」ステップの Runbook でインストールすることもできます。',
  'ui.cluster.failed': '接続できません: {reason}',
  'ui.cluster.connected': 'コンテキスト {context} で {server}（Kubernetes {version}）に接続しました。',
  'ui.cluster.versionOld':
    'この Kubernetes は W&B オペレーターが対応する最も古いバージョン {minimum} より古いため、前提条件チェックは失敗します。',
  'ui.cluster.versionNew':
    'この Kubernetes は、ウィザードが検証した最新のバージョン {newest} より新しいため、チェックで警告が出ます。',
  'ui.cluster.identity': 'クラスターはあなたをユーザー {user}（グループ: {groups}）として認証しています。',
  'ui.cluster.identityUnknown': 'ユーザーを確認できませんでした: {reason}',
  'ui.cluster.accessAll': 'インストールに必要な {total} 件の操作がすべて許可されています。',
  'ui.cluster.accessMissing':
    'インストールに必要な {total} 件のうち {count} 件の権限がありません。クラスターの管理者に付与を依頼するか、別のコンテキストを使ってください。',
  'ui.cluster.accessList': '不足している権限 {count} 件',
  'ui.cluster.accessUnknown': '権限を確認できませんでした: {reason}',
  'ui.cluster.purpose.apply': 'インストール',
  'ui.cluster.purpose.helm': 'インストール（helm）',
  'ui.cluster.purpose.recovery': 'ロールバックとアンインストール',
  'ui.cluster.purpose.follow': '起動状況の確認',
  'ui.cluster.namespaces': 'Namespace {count} 件: Namespace の入力欄に候補として表示します。',
  'ui.cluster.storageClasses':
    'StorageClass {count} 件（デフォルト: {default}）: StorageClass の入力欄に候補として表示します。',
  'ui.cluster.storageClasses.noDefault': 'なし',
  'ui.field.secrets.delivery': 'シークレットの渡し方',
  'ui.help.secrets.delivery': 'ライセンス、MySQL のパスワード、バケットのキーに適用されます。',
  'ui.secrets.delivery.secretRef': 'カスタムリソースから参照する Kubernetes Secret',
  'ui.secrets.delivery.secretRefHelp':
    'チャートのバージョンが参照に対応している項目のみ。対応していない項目は確認ステップで示し、インラインで渡します。',
  'ui.secrets.delivery.inline': 'カスタムリソースにインラインで記述',
  'ui.secrets.delivery.inlineHelp': 'ベンダーの手順と同じ方法です。',
  'ui.secrets.names.legend': 'Secret の名前',
  'ui.field.secrets.licenseSecretName': 'ライセンスの Secret',
  'ui.field.secrets.mysqlSecretName': 'MySQL の Secret',
  'ui.field.secrets.bucketSecretName': 'バケットの Secret',
  'ui.help.secrets.secretName': 'カスタムリソースの Namespace に作成されます。',

  // ストレージ
  'ui.field.bucket.provider': 'ストレージの種類',
  'ui.help.bucket.provider': 'カスタムリソースの global.bucket.provider です。',
  'ui.bucket.provider.s3': 'S3 または S3 互換（MinIO など）',
  'ui.bucket.provider.gcs': 'Google Cloud Storage',
  'ui.bucket.provider.azure': 'Azure Blob Storage',
  'ui.field.bucket.credentials': 'W&B がバケットに認証する方法',
  'ui.bucket.credentials.keys': 'アクセスキーとシークレットキーを使う',
  'ui.bucket.credentials.keysHelp': 'サイト内の MinIO などの S3 互換ストレージや、キーを使う AWS の場合。',
  'ui.bucket.credentials.role': 'ノードのクラウドロールを使う（キーなし）',
  'ui.bucket.credentials.roleHelp':
    'AWS で、ノードまたはワークロードにバケットを使える IAM ロールがある場合のみ。キーは生成されません。',
  'ui.bucket.legend': 'バケット',
  'ui.field.bucket.s3.name': 'バケットまたはエンドポイント',
  'ui.help.bucket.s3.name':
    'AWS の場合はバケット名、S3 互換ストレージの場合は手順のとおりエンドポイントの ホスト:ポート です。',
  'ui.field.bucket.s3.path': 'バケット名またはパス',
  'ui.help.bucket.s3.path':
    '上でエンドポイントを指定した場合はバケット名、それ以外の場合はバケット内のパス（省略可）です。',
  'ui.field.bucket.plainHttp': 'エンドポイントは平文 HTTP（TLS なし）で接続する',
  'ui.help.bucket.plainHttp':
    'TLS のない S3 互換エンドポイント（サイトネットワーク上の MinIO など）の場合のみ選択してください。選ばない場合、バケット URL で W&B に TLS（?tls=true）を指示し、カスタム CA バンドルで検証します。',
  'ui.field.bucket.region': 'リージョン',
  'ui.help.bucket.region': 'バケットのリージョンです。',
  'ui.field.bucket.accessKey': 'アクセスキー',
  'ui.help.bucket.accessKey': 'W&B がバケットに認証するアクセスキーです。',
  'ui.field.bucket.secretKey': 'シークレットキー',
  'ui.help.bucket.secretKey': 'アクセスキーに対応するシークレットです。',
  'ui.field.bucket.kmsKey': 'KMS キー',
  'ui.help.bucket.kmsKey': '省略可: バケットを暗号化する KMS キーです。',
  'ui.field.bucket.gcs.name': 'バケット名',
  'ui.help.bucket.gcs.name': '認証情報はノードまたは Workload Identity から取得します。',
  'ui.field.bucket.gcs.path': 'パス',
  'ui.help.bucket.gcs.path': '省略可: バケット内のパスです。',
  'ui.field.bucket.azure.name': 'ストレージアカウント',
  'ui.help.bucket.azure.name': 'Azure のストレージアカウント名です。',
  'ui.field.bucket.azure.path': 'コンテナー',
  'ui.help.bucket.azure.path': 'Blob コンテナーの名前です。',
  'ui.field.bucket.azure.accessKey': 'アカウントキー',
  'ui.help.bucket.azure.accessKey': 'Pod が別の方法で認証する場合は空欄にしてください。',

  // データベース
  'ui.field.mysql.mode': 'MySQL の稼働場所',
  'ui.help.mysql.mode': 'カスタムリソースの mysql.install です。',
  'ui.mysql.mode.external': '既存の MySQL サーバー',
  'ui.mysql.mode.externalHelp': '本番環境に推奨します（mysql.install: false）。',
  'ui.mysql.mode.inCluster': 'チャートがクラスター内にインストール',
  'ui.mysql.mode.inClusterHelp':
    '検証用です。内部コンテナレジストリに mysql イメージが必要です（mysql.install: true）。',
  'ui.mysql.legend': '接続',
  'ui.field.mysql.host': 'ホスト',
  'ui.help.mysql.host': 'MySQL サーバーのホスト名または IP アドレスです（ポートは含めません）。',
  'ui.field.mysql.port': 'ポート',
  'ui.help.mysql.port': '通常は 3306 です。',
  'ui.field.mysql.database': 'データベース',
  'ui.help.mysql.database': 'W&B が使うデータベースです。事前に作成しておく必要があります。',
  'ui.field.mysql.user': 'ユーザー',
  'ui.help.mysql.user': 'そのデータベースに対するすべての権限を持つユーザーです。',
  'ui.field.mysql.password': 'パスワード',
  'ui.help.mysql.password': 'そのユーザーのパスワードです。',
  'ui.help.mysql.passwordInCluster': '省略可: 空欄の場合はチャートが生成します。',

  // ネットワーク
  'ui.ingress.legend': 'Ingress',
  'ui.field.ingress.class': 'Ingress クラス',
  'ui.help.ingress.class':
    'Ingress コントローラーの IngressClass です（ingress.class）。クラスターに接続していないため、入力してください。',
  'ui.help.ingress.classFromCluster': 'クラスターに IngressClass が {count} 件あります。選択してください。',
  'ui.help.ingress.classUnreachable': 'クラスターから IngressClass を取得できませんでした: {reason}',
  'ui.ingress.class.none': '（指定なし: クラスターの既定）',
  'ui.ingress.class.default': '{name}（既定）',
  'ui.field.ingress.annotations': 'Ingress のアノテーション',
  'ui.help.ingress.annotations':
    'Ingress に付与されます（ingress.annotations）。手順では nginx.ingress.kubernetes.io/proxy-body-size でアップロードの上限を引き上げています。',
  'ui.field.ingress.annotations.key': 'アノテーション（{index} 行目）',
  'ui.field.ingress.annotations.value': '値（{index} 行目）',
  'ui.field.ingress.annotations.add': 'アノテーションを追加',
  'ui.field.ingress.annotations.remove': '{index} 行目を削除',
  'ui.ingress.tls.legend': 'TLS',
  'ui.field.ingress.tls.enabled': 'Ingress で TLS を使ってプラットフォームを公開する',
  'ui.help.ingress.tls.enabled':
    'カスタムリソースの Namespace にある kubernetes.io/tls 型の Secret を使います。',
  'ui.field.ingress.tls.secretName': 'TLS Secret の名前',
  'ui.help.ingress.tls.secretName': '既存の Secret、または下の証明書と秘密鍵から作成する Secret の名前です。',
  'ui.field.ingress.tls.certificate': '証明書（PEM）',
  'ui.help.ingress.tls.certificate': '既存の Secret を使う場合は、証明書と秘密鍵を空欄にしてください。',
  'ui.field.ingress.tls.privateKey': '秘密鍵（PEM）',
  'ui.help.ingress.tls.privateKey': 'その証明書の暗号化されていない秘密鍵です。',
  'ui.certificates.legend': 'カスタム CA 証明書',
  'ui.field.certificates.bundle': 'CA バンドル（PEM）',
  'ui.help.certificates.bundle':
    '社内サービス（レジストリ、Helm リポジトリ、S3、MySQL）の CA です。バンドルは証明書ごとに customCACerts の項目に分割され、プラットフォームとオペレーターに設定されます。',
  'ui.certs.count': '証明書 {count} 件:',
  'ui.certs.block': '位置',
  'ui.certs.position': 'ブロック {block}、{line} 行目',
  'ui.certs.subject': 'サブジェクト',
  'ui.certs.issuer': '発行者',
  'ui.certs.validFrom': '有効期間の開始',
  'ui.certs.expires': '有効期限',
  'ui.certs.isCa': 'CA 証明書',
  'ui.certs.yes': 'はい',
  'ui.certs.no': 'いいえ',
  'ui.certs.fingerprint': 'SHA-256 フィンガープリント',
  'ui.certs.expired': '— 期限切れ',
  'ui.certs.notYetValid': '— まだ有効期間前',

  // 確認
  'ui.review.noDraft': 'まだ何も入力されていません。',
  'ui.review.goStart': '最初のステップへ',
  'ui.review.errors': 'ファイルを生成する前に、次の {count} 件を修正してください:',
  'ui.review.notes': '注意事項',
  'ui.review.masked': 'この画面ではシークレットをプレースホルダーで表示しています。',
  'ui.review.downloads': 'ダウンロード',
  'ui.review.includeSecrets': 'ダウンロードに実際のシークレットを含める',
  'ui.review.includeSecretsWarning':
    'ダウンロードしたファイルにはライセンス、パスワード、キーが平文で含まれます。パスワードと同様に管理し、使用後は削除してください。',
  'ui.review.placeholdersNote':
    'ダウンロードしたファイルではシークレットがプレースホルダーになっています。それぞれを埋めるコマンドは手順書に記載しています。',
  'ui.review.archive': 'すべてをダウンロード（.zip、手順書を README として同梱）',
  'ui.preview.show': '生成されるファイルを表示',
  'ui.preview.hide': '生成されるファイルを隠す',
  'ui.preview.about':
    '保存された内容から生成される wandb.yaml と values.yaml です（シークレットは伏せています）。前回の表示から変わった行に印を付けています。',
  'ui.preview.empty': 'まだ何も保存されていません。ステップを入力すると、ここにファイルが表示されます。',
  'ui.preview.invalid': '設定が有効になるとファイルが表示されます。修正が必要な項目（{count} 件）:',
  'ui.preview.files': '生成されるファイル',
  'ui.preview.changed': '変更された行: {count} 件',
  'ui.review.fileLabel': '{name} の内容',
  'ui.review.copy': '{name} をコピー',
  'ui.review.copied': '{name} をクリップボードにコピーしました。',
  'ui.review.download': '{name} をダウンロード',
  'ui.download.noDraft': 'このブラウザーの下書きがまだありません。先にウィザードに入力してください。',
  'ui.download.invalid': '設定にまだエラーがあります。ウィザードの確認ステップで内容を確認してください。',
};
