import type { serverEn } from './server.en';

/** ウィザードのサーバー自身の文言（サインインと、アプリケーションより前に返す拒否）。 */
export const serverJa: Record<keyof typeof serverEn, string> = {
  'server.title': 'W&B エアギャップ インストール ウィザード',
  'server.badHost': 'リクエストに有効なホストがありません。',
  'server.foreignHost':
    'このウィザードはホスト「{host}」では応答しません。起動時に表示されたアドレスで開いてください（別の名前は WIZARD_ALLOWED_HOSTS で追加できます）。',
  'server.badUrl': 'リクエストのアドレスが正しくありません。',
  'server.badEncoding': 'アドレスに不正なパーセントエンコーディングが含まれています。',
  'server.badMethod': 'このアドレスはこのリクエストメソッドを受け付けません。',
  'server.foreignOrigin':
    '拒否しました: このウィザードのページから送られたリクエストではありません（オリジン「{origin}」）。',
  'server.signIn':
    'ウィザードが起動時に表示したアドレスを開いてサインインしてください（一度だけ使えるトークンを含みます）。新しいアドレスは、ウィザードを動かしているマシンで「npm run signin-url」（ウィザードのフォルダーでは「node server.js signin-url」）を実行すると表示されます。',
  'server.signedOut':
    'サインアウトしました。下書きはサーバーに残っています。続けるには「npm run signin-url -- --draft <id>」でサインイン用アドレスを表示してください（「npm run signin-url -- --list」で下書きの一覧）。',
  'server.tokenUsed':
    'このサインイン用アドレスは使用済みか期限切れです（各アドレスは一度だけ使えます）。ウィザードを動かしているマシンで「npm run signin-url」を実行して新しいアドレスを表示してください。',
  'server.signInNeeded':
    'サインインが必要です: このブラウザーにはウィザードとのセッションがありません（または終了しました）。ウィザードが表示したサインイン用アドレスを開くか、「npm run signin-url」で新しいアドレスを表示してください。',
  'server.tooLarge': 'リクエストがウィザードの受け付ける大きさ（{limit} バイト）を超えています。',
  'server.badBody': 'リクエストを読み取れません: {reason}。',
  'server.unknownAction':
    'ウィザードにそのアクションはありません。古いバージョンのページかもしれません。再読み込みしてください。',
};
